package dev.ferry.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failed attempts are retried with backoff until the job's attempts run out; some failures are final at once. */
class WorkerFailuresTest {
    @RegisterExtension
    static final WorkerFixture fx = new WorkerFixture();

    @Test
    void retriesWithBackoffThenFailsAsADeadLetter() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            java.nio.file.Files.writeString(ctx.outputDir().resolve("partial.txt"), "attempt " + run);
            throw new IllegalStateException("boom " + run);
        });
        fx.start(demo);
        JobId id = fx.submit(Priority.NORMAL, 3, 60_000, Map.of());

        Job failed = fx.await(id, JobState.FAILED);
        assertEquals(3, failed.attempts());
        assertEquals(failed.maxAttempts(), failed.attempts());
        assertEquals(3, demo.runs());
        assertEquals("internal_error", failed.error().orElseThrow().code());
        assertEquals("IllegalStateException: boom 3", failed.error().orElseThrow().message());
        assertTrue(fx.reader.newest(List.of(fx.demo), Optional.of(JobState.FAILED), 10).stream()
                .anyMatch(j -> j.id().equals(id)), "listed among the dead letters");

        JsonNode written = fx.awaitJobJson(id);
        assertEquals("failed", written.get("state").asText());
        assertEquals("internal_error", written.get("error").get("code").asText());
        assertFalse(java.nio.file.Files.exists(fx.data.outputsDir(id)), "the failed job lists no files and keeps none");
    }

    @Test
    void aRetryableDemoFailureIsRetriedUntilItSucceeds() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            if (run < 3) {
                throw new DemoFailure(ErrorCode.FETCH_FAILED, "the source did not answer", true);
            }
            return Json.MAPPER.createObjectNode().put("run", run);
        });
        fx.start(demo);
        JobId id = fx.submit(Priority.NORMAL, 3, 60_000, Map.of());

        Job done = fx.await(id, JobState.SUCCEEDED);
        assertEquals(3, done.attempts());
        assertEquals(3, done.result().orElseThrow().get("run").asInt());
        assertTrue(done.error().isEmpty(), "a success clears the last attempt's error");
    }

    @Test
    void aNonRetryableDemoFailureFailsAtOnceWithItsCode() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            throw DemoFailure.badInput("the input is not an image");
        });
        fx.start(demo);
        JobId id = fx.submit(Priority.NORMAL, 3, 60_000, Map.of());

        Job failed = fx.await(id, JobState.FAILED);
        assertEquals(1, failed.attempts());
        assertEquals(1, demo.runs());
        assertEquals("bad_input", failed.error().orElseThrow().code());
        assertEquals("the input is not an image", failed.error().orElseThrow().message());
    }

    @Test
    void oneFailingJobDoesNotStopTheWorker() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            if ("bad".equals(ctx.stringParam("tag"))) {
                throw new OutOfMemoryError("pretend the demo ran out of memory");
            }
            return null;
        });
        fx.start(demo);
        JobId bad = fx.submit(Priority.NORMAL, 1, 60_000, Map.of("tag", "bad"));
        JobId good = fx.submit(Priority.NORMAL, 1, 60_000, Map.of("tag", "good"));

        assertEquals("internal_error", fx.await(bad, JobState.FAILED).error().orElseThrow().code());
        fx.await(good, JobState.SUCCEEDED);
    }
}
