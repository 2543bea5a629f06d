package dev.ferry.worker.run;

import dev.ferry.core.demo.DemoContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/** What one attempt of a job hands its demo, with the worker's own settings. */
record JobContext(
        String jobId,
        int attempt,
        Map<String, Object> params,
        List<Path> inputs,
        Path outputDir,
        Logger log,
        ProgressReporter reporter) implements DemoContext {

    /** Created on first use: a job that writes nothing leaves no folder behind. */
    @Override
    public Path outputDir() {
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the outputs folder " + outputDir, e);
        }
        return outputDir;
    }

    @Override
    public void progress(long current, long total, String message) {
        reporter.report(current, total, message);
    }

    @Override
    public boolean isCancelled() {
        return reporter.isStopped();
    }
}
