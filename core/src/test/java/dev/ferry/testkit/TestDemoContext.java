package dev.ferry.testkit;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.core.job.Progress;
import dev.ferry.core.storage.JobInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DemoContext} for running a demo in-process, as a worker would: real input files,
 * a real output folder, parameters validated by the demo's own spec, progress recorded, and
 * cancellation that a test can
 * trigger from another thread.
 */
public final class TestDemoContext implements DemoContext {
    private final String jobId;
    private final Map<String, Object> params;
    private final List<Path> inputs;
    private final Path outputDir;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Progress> progress = new CopyOnWriteArrayList<>();
    private final Logger log;
    private volatile int attempt = 1;

    public TestDemoContext(String jobId, Map<String, Object> params, List<Path> inputs, Path outputDir) {
        this.jobId = jobId;
        this.params = params;
        this.inputs = List.copyOf(inputs);
        this.outputDir = outputDir;
        this.log = LoggerFactory.getLogger("job." + jobId);
        try {
            Files.createDirectories(outputDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A context for {@code demo} with {@code given} checked against its parameter spec, as the API does. */
    public static TestDemoContext of(Demo demo, Map<String, ?> given, List<Path> inputs, Path jobDir) {
        return new TestDemoContext(demo.name() + "-test", demo.params().validate(given), inputs, jobDir.resolve("outputs"));
    }

    /**
     * A job of {@code demo} laid out in {@code config}'s data folder as the API and worker lay it
     * out: {@code files} copied to {@code jobs/<id>/inputs/000-<name>}..., outputs in
     * {@code jobs/<id>/outputs/}.
     */
    public static TestDemoContext inDataFolder(FerryConfig config, Demo demo, Map<String, ?> given, List<Path> files) {
        String id = demo.name() + "-test-" + System.nanoTime();
        Path job = config.dataDir().resolve("jobs").resolve(id);
        try {
            Path in = Files.createDirectories(job.resolve("inputs"));
            List<Path> copied = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                copied.add(Files.copy(files.get(i), in.resolve(JobInputs.fileName(i, files.get(i).getFileName().toString()))));
            }
            return new TestDemoContext(id, demo.params().validate(given), copied, job.resolve("outputs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestDemoContext withAttempt(int number) {
        this.attempt = number;
        return this;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public List<Path> inputs() {
        return inputs;
    }

    @Override
    public Path outputDir() {
        return outputDir;
    }

    @Override
    public void progress(long current, long total, String message) {
        progress.add(new Progress(current, total, message));
        checkCancelled();
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException("job " + jobId + " was cancelled");
        }
    }

    @Override
    public Logger log() {
        return log;
    }

    public void cancel() {
        cancelled.set(true);
    }

    /** Every progress report, in order. */
    public List<Progress> reported() {
        return List.copyOf(progress);
    }
}
