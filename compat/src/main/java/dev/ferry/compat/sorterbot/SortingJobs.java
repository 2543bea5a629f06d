package dev.ferry.compat.sorterbot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.Priority;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.NewJob;
import dev.ferry.core.queue.QueueException;
import dev.ferry.core.queue.Submissions;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.JobInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queues the arms' sorting jobs as the native submit does (parameters checked against the demo's
 * spec, its models checked, the photos copied among the job's inputs) and reads their outcome.
 * A WebSocket message has no HTTP request to hand the native submit, so this is its own path
 * into the same queue.
 */
final class SortingJobs {
    static final String DEMO = "sorting";
    private final FerryConfig config;
    private final DemoCatalog demos;
    private final DataFolder data;
    private final Submissions submissions;
    private final JobReader reader;

    SortingJobs(FerryConfig config, DemoCatalog demos, DataFolder data, Submissions submissions, JobReader reader) {
        this.config = config;
        this.demos = demos;
        this.data = data;
        this.submissions = submissions;
        this.reader = reader;
    }

    /** @throws ProtocolError with the native submit's codes for what it would refuse */
    JobId submit(Map<String, Object> given, List<Path> photos) throws IOException {
        Demo demo = demos.find(DEMO).orElseThrow(() -> new ProtocolError(ErrorCode.UNKNOWN_DEMO,
                "the sorting demo is not served here (FERRY_DEMOS)"));
        Map<String, Object> params = checked(demo, given);
        if (data.freeBytes() < config.api().minFreeBytes()) {
            throw new ProtocolError(ErrorCode.INSUFFICIENT_STORAGE, "the data folder is almost full");
        }
        JobId id = JobId.generate(DEMO, System.currentTimeMillis());
        try {
            Path inputs = Files.createDirectories(data.inputsDir(id));
            for (int i = 0; i < photos.size(); i++) {
                Files.copy(photos.get(i), inputs.resolve(JobInputs.fileName(i, photos.get(i).getFileName().toString())));
            }
            submissions.submit(new NewJob(id, params, Priority.NORMAL, demo.maxAttempts(), demo.timeLimit().toMillis(),
                    Optional.empty()));
        } catch (QueueException e) {
            data.deleteJob(id);
            throw new ProtocolError(ErrorCode.QUEUE_FULL, "the sorting queue is full; try again later");
        } catch (IOException | RuntimeException e) {
            data.deleteJob(id);
            throw e;
        }
        return id;
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

    private static Map<String, Object> checked(Demo demo, Map<String, Object> given) {
        try {
            Map<String, Object> params = demo.params().validate(given);
            demo.checkReady(params);
            return params;
        } catch (InvalidParamException e) {
            throw new ProtocolError(ErrorCode.INVALID_PARAM, e.getMessage());
        } catch (DemoFailure e) {
            throw new ProtocolError(e.errorCode(), e.getMessage());
        }
    }
}
