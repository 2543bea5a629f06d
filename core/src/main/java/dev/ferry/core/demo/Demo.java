package dev.ferry.core.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * A demo: a named kind of job. Implementations are found with {@link java.util.ServiceLoader}
 * (list them in {@code META-INF/services/dev.ferry.core.demo.Demo}); the API validates jobs
 * against the description, a worker calls {@link #run}.
 */
public interface Demo {
    /** Queue and URL name, matching {@link dev.ferry.core.job.JobId#DEMO_NAME}. */
    String name();

    String description();

    ParamSpec params();

    /**
     * Media types of the input files this demo accepts ({@code image/*}, {@code video/mp4}...),
     * checked at submit against the sniffed type of each upload. {@code *}{@code /*} accepts all.
     */
    default List<String> accepts() {
        return List.of("*/*");
    }

    /** Whether a job needs at least one input file. */
    default boolean requiresInput() {
        return false;
    }

    default Duration timeLimit() {
        return Duration.ofMinutes(10);
    }

    default int maxAttempts() {
        return 3;
    }

    /**
     * Runs one job. Returns the job's JSON summary (its {@code result}); files go to
     * {@link DemoContext#outputDir()}. Fail with {@link DemoFailure}; any other exception
     * counts as a retryable internal error.
     */
    JsonNode run(DemoContext context) throws Exception;
}
