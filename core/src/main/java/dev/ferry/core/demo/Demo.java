package dev.ferry.core.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A demo: a named kind of job. A process is handed its demos ({@link DemoCatalog}), built by
 * whoever wires it (the demos module's factories, or a test); the API validates jobs
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
     * The models this demo's jobs load and whether each is installed here. Asked on every
     * {@code GET /api/v1/demos}, so it shows models installed while the server runs; keep it
     * cheap (no model loading). Demos without models return none.
     */
    default List<ModelAvailability> models() {
        return List.of();
    }

    /**
     * Refuses, at submit, a job that would fail on any worker for want of something an
     * operator must install: typically a model its parameters name that is missing or
     * damaged. The API answers such a refusal with 400 and the failure's code and message,
     * so the message should say how to fix it (e.g. the {@code ferry models pull} command).
     *
     * @param validatedParams the job's parameters after {@link ParamSpec#validate}, defaults filled in
     * @throws DemoFailure with a code such as {@code model_missing}, {@code model_corrupt} or {@code model_invalid}
     * @throws InvalidParamException when a parameter names something that cannot exist (say, not a model name)
     */
    default void checkReady(Map<String, Object> validatedParams) {
    }

    /**
     * Runs one job. Returns the job's JSON summary (its {@code result}); files go to
     * {@link DemoContext#outputDir()}. Fail with {@link DemoFailure}; any other exception
     * counts as a retryable internal error.
     */
    JsonNode run(DemoContext context) throws Exception;
}
