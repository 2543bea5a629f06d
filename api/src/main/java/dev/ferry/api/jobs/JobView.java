package dev.ferry.api.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.job.Progress;
import dev.ferry.core.queue.JobEstimate;
import dev.ferry.core.queue.Spread;
import dev.ferry.core.webhook.EventKind;
import dev.ferry.core.webhook.Webhook;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job as clients see it; absent times, error and result are written as null. A job may have
 * thousands of output files, so {@code files} holds the first {@link #FILES_SHOWN} of them;
 * {@code file_count} says how many there are and {@code files_url} lists them all, a page at a time.
 * {@code queue_position}, {@code eta_start_s} and {@code eta_finish_s} come from {@link JobEstimate}.
 * {@code worker} names the worker of the current or last attempt, so a client can tell who ran it.
 */
public record JobView(
        String id,
        String demo,
        JobState state,
        Map<String, Object> params,
        Priority priority,
        int attempts,
        int maxAttempts,
        Optional<String> worker,
        long timeLimitS,
        Progress progress,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<JobError> error,
        Optional<JsonNode> result,
        List<FileView> files,
        int fileCount,
        String filesUrl,
        Optional<Long> queuePosition,
        Optional<Spread> etaStartS,
        Optional<Spread> etaFinishS,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<WebhookView> webhook) {
    static final int FILES_SHOWN = 100;

    /** Without an estimate, as the job's record on disk keeps it. */
    public static JobView of(Job job) {
        return of(job, JobEstimate.NONE);
    }

    public static JobView of(Job job, JobEstimate estimate) {
        return new JobView(job.id().toString(), job.demo(), job.state(), job.params(), job.priority(), job.attempts(),
                job.maxAttempts(), job.worker(), job.timeLimitMs() / 1000, job.progress(), job.createdAt(), job.startedAt(),
                job.finishedAt(), job.error(), job.result(),
                job.files().stream().limit(FILES_SHOWN).map(f -> FileView.of(job, f)).toList(),
                job.files().size(), JobUrls.files(job.id()), estimate.queuePosition(), estimate.etaStartS(),
                estimate.etaFinishS(), job.webhook().map(WebhookView::of));
    }

    /** Where the job's events go; a job without a webhook leaves the field out. Nothing secret is stored with it. */
    public record WebhookView(URI url, List<EventKind> events) {
        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.url(), webhook.events());
        }
    }

    /** One output file and where to download it. */
    public record FileView(String path, long size, String contentType, String url) {
        static FileView of(Job job, JobFile file) {
            return new FileView(file.path(), file.size(), file.contentType(), JobUrls.file(job.id(), file.path()));
        }
    }
}
