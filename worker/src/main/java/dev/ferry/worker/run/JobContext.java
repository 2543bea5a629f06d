package dev.ferry.worker.run;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.DemoContext;
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
        ProgressReporter reporter,
        FerryConfig config) implements DemoContext {

    @Override
    public void progress(long current, long total, String message) {
        reporter.report(current, total, message);
    }

    @Override
    public boolean isCancelled() {
        return reporter.isStopped();
    }
}
