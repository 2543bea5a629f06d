package dev.ferry.core.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/** What a running demo gets from the worker: its job's inputs, parameters and output folder. */
public interface DemoContext {
    String jobId();

    /** Which attempt this is, from 1; retries and reclaimed jobs count up. */
    int attempt();

    /** Validated parameters with defaults filled in (see {@link ParamSpec#validate}). */
    Map<String, Object> params();

    /** The job's input files, in the order they were submitted. */
    List<Path> inputs();

    /** An empty folder for the job's outputs; everything written here is served by the API. */
    Path outputDir();

    /**
     * Reports progress. Also a cancellation point: throws {@link JobCancelledException}
     * when the job was cancelled or its time limit passed.
     */
    void progress(long current, long total, String message);

    /** True once the job was cancelled or ran out of time; long loops should check it. */
    boolean isCancelled();

    /** Throws {@link JobCancelledException} when {@link #isCancelled()}. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException("job " + jobId() + " was cancelled");
        }
    }

    /** A logger whose lines carry the job id. */
    Logger log();

    default long longParam(String name) {
        return ((Number) params().get(name)).longValue();
    }

    default double doubleParam(String name) {
        return ((Number) params().get(name)).doubleValue();
    }

    default String stringParam(String name) {
        return (String) params().get(name);
    }

    default boolean booleanParam(String name) {
        return (Boolean) params().get(name);
    }
}
