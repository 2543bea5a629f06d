package dev.ferry.worker.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobFile;
import java.util.List;

/** How one attempt of a job ended, before it is recorded in the queue. */
sealed interface Outcome {
    /** The demo returned; {@code files} lists what it left in the job's outputs folder. */
    record Succeeded(JsonNode result, List<JobFile> files) implements Outcome {}

    record Failed(JobError error, boolean retryable) implements Outcome {}

    /** The job was told to stop and did. */
    record Stopped(StopReason reason) implements Outcome {}
}
