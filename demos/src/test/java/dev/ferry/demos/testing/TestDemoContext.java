package dev.ferry.demos.testing;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.storage.JobInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real {@link DemoContext} over a job folder in a temporary directory, laid out as the
 * worker lays it out ({@code jobs/<id>/inputs/000-name}, {@code outputs/}), for running a
 * demo directly in a test.
 */
public final class TestDemoContext implements DemoContext {
    private final String jobId;
    private final FerryConfig config;
    private final Map<String, Object> params;
    private final List<Path> inputs;
    private final Path outputs;
    private final List<long[]> progress = new ArrayList<>();

    private TestDemoContext(String jobId, FerryConfig config, Map<String, Object> params, List<Path> inputs, Path outputs) {
        this.jobId = jobId;
        this.config = config;
        this.params = params;
        this.inputs = inputs;
        this.outputs = outputs;
    }

    /** Copies {@code files} into a fresh job's inputs folder under the config's data folder. */
    public static TestDemoContext of(FerryConfig config, ParamSpec spec, Map<String, ?> params, List<Path> files) {
        String id = "test-" + System.nanoTime();
        Path job = config.dataDir().resolve("jobs").resolve(id);
        try {
            Path in = Files.createDirectories(job.resolve("inputs"));
            List<Path> copied = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path target = in.resolve(JobInputs.fileName(i, files.get(i).getFileName().toString()));
                copied.add(Files.copy(files.get(i), target));
            }
            Path out = Files.createDirectories(job.resolve("outputs"));
            return new TestDemoContext(id, config, spec.validate(params), copied, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String jobId() {
        return jobId;
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
        return outputs;
    }

    @Override
    public void progress(long current, long total, String message) {
        progress.add(new long[] {current, total});
    }

    public List<long[]> progressReports() {
        return progress;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public FerryConfig config() {
        return config;
    }

    @Override
    public Logger log() {
        return LoggerFactory.getLogger("test." + jobId);
    }
}
