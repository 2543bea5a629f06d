package dev.ferry.demos.noop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.JobInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The diagnostic demo: sleeps, fails on purpose, echoes. It exercises every part of the
 * platform (queue, retries, progress, cancellation, outputs) without a model.
 */
public final class NoopDemo implements Demo {
    private static final int STEPS = 10;

    @Override
    public String name() {
        return "noop";
    }

    @Override
    public String description() {
        return "Diagnostic job: waits sleep_ms, fails its first fail_times attempts, returns echo and writes noop.json.";
    }

    @Override
    public ParamSpec params() {
        return ParamSpec.of(
                Param.integer("sleep_ms", 0).range(0, 3_600_000).describe("How long the job runs, in ms (progress is reported ten times)."),
                Param.integer("fail_times", 0).range(0, 100).describe("Fail this many attempts before succeeding."),
                Param.string("echo", "").range(0, 10_000).describe("Returned as is in the result."));
    }

    @Override
    public Duration timeLimit() {
        return Duration.ofHours(1);
    }

    @Override
    public JsonNode run(DemoContext context) throws InterruptedException {
        long sleepMs = context.longParam("sleep_ms");
        long failTimes = context.longParam("fail_times");
        long attempt = context.attempt();
        for (int step = 1; step <= STEPS; step++) {
            Thread.sleep(sleepMs / STEPS);
            context.progress(step, STEPS, "step " + step + " of " + STEPS);
        }
        if (attempt <= failTimes) {
            throw new DemoFailure(ErrorCode.REQUESTED_FAILURE, "failing attempt " + attempt + " of the first " + failTimes + " on purpose", true);
        }
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("echo", context.stringParam("echo"));
        result.put("attempt", attempt);
        result.put("slept_ms", sleepMs);
        result.put("inputs", context.inputs().size());
        AtomicFiles.write(context.outputDir().resolve("noop.json"), Json.writeBytes(summary(context, result)));
        return result;
    }

    private static ObjectNode summary(DemoContext context, ObjectNode result) {
        ObjectNode summary = result.deepCopy();
        var inputs = summary.putArray("input_files");
        for (Path input : context.inputs()) {
            inputs.addObject().put("name", JobInputs.originalName(input)).put("bytes", size(input));
        }
        summary.put("job", context.jobId());
        return summary;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
