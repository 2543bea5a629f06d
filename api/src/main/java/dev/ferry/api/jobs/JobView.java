package dev.ferry.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.job.Progress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A job as clients see it; absent times, error and result are written as null. */
public record JobView(
        String id,
        String demo,
        JobState state,
        Map<String, Object> params,
        Priority priority,
        int attempts,
        int maxAttempts,
        long timeLimitS,
        Progress progress,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<JobError> error,
        Optional<JsonNode> result,
        List<FileView> files) {

    public static JobView of(Job job) {
        return new JobView(job.id().toString(), job.demo(), job.state(), job.params(), job.priority(), job.attempts(),
                job.maxAttempts(), job.timeLimitMs() / 1000, job.progress(), job.createdAt(), job.startedAt(),
                job.finishedAt(), job.error(), job.result(),
                job.files().stream().map(f -> FileView.of(job, f)).toList());
    }

    /** One output file and where to download it. */
    public record FileView(String path, long size, String contentType, String url) {
        static FileView of(Job job, JobFile file) {
            return new FileView(file.path(), file.size(), file.contentType(), JobUrls.file(job.id(), file.path()));
        }
    }
}
