package dev.ferry.compat.sorterbot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.http.ApiException;
import dev.ferry.api.jobs.InputFile;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.api.jobs.SubmitCaller;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.JobReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queues the arms' sorting jobs through the native submit (parameters checked against the demo's
 * spec, its models checked, the photos stored among the job's inputs, the same limits) and reads
 * their outcome. A WebSocket message has no HTTP request, so it submits as {@link SubmitCaller#NONE}.
 */
final class SortingJobs {
    static final String DEMO = "sorting";
    private final JobSubmitter submitter;
    private final JobReader reader;

    SortingJobs(JobSubmitter submitter, JobReader reader) {
        this.submitter = submitter;
        this.reader = reader;
    }

    /** @throws ProtocolError with the native submit's code for what it refuses */
    JobId submit(Map<String, Object> params, List<Path> photos) {
        List<InputFile> files = photos.stream()
                .map(photo -> new InputFile(photo.getFileName().toString(), () -> Files.newInputStream(photo))).toList();
        try {
            return submitter.submitFiles(SubmitCaller.NONE, DEMO, params, files, Optional.empty()).id();
        } catch (ApiException e) {
            throw new ProtocolError(e.code(), e.getMessage());
        }
    }

    /** The job, once it has finished; empty while it runs. */
    Optional<Job> finished(JobId id) {
        return reader.get(id).filter(job -> job.state().isFinal());
    }

    /**
     * A finished job's result.
     *
     * @throws ProtocolError with the job's error code when it did not succeed
     */
    static JsonNode result(Job job) {
        if (job.result().isPresent() && job.error().isEmpty()) {
            return job.result().get();
        }
        JobError error = job.error().orElse(null);
        throw new ProtocolError(error == null ? ErrorCode.INTERNAL_ERROR : error.errorCode(), "job " + job.id() + " " + job.state().wireName()
                + (error == null ? "" : ": " + error.message()));
    }
}
