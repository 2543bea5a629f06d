package dev.ferry.api.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.QueueKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.client.codec.StringCodec;

/** /monitor shows queue wait and run time percentiles apart, per demo, per worker and per device. */
class MonitorTimingsTest {
    static final TestDemo timed = TestDemo.echo();
    static final TestDemo worked = TestDemo.echo();
    static final TestDemo idle = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(timed, worked, idle);
    static final Http http = api.http();

    @Test
    void waitAndRunPercentilesPerDemoWorkerAndDevice() {
        record(timed, 1_000, 10_000, "gpu-a", "cuda:0");
        record(timed, 3_000, 20_000, "gpu-a", "cuda:0");
        record(timed, 2_000, 30_000, "gpu-b", "cuda:0");
        record(timed, 9_000, 90_000, "cpu-a", "cpu");

        JsonNode timings = timings(http.get("/monitor").json(), timed.name());
        assertEquals(4, timings.get("all").get("jobs").asInt());
        assertEquals(Map.of("p50", 2.0, "p90", 9.0), spread(timings.get("all").get("wait_s")));
        assertEquals(Map.of("p50", 20.0, "p90", 90.0), spread(timings.get("all").get("run_s")));

        JsonNode gpuA = timings.get("by_worker").get(1);
        assertEquals("gpu-a", gpuA.get("worker").asText());
        assertEquals("cuda:0", gpuA.get("device").asText());
        assertEquals(2, gpuA.get("jobs").asInt());
        assertEquals(Map.of("p50", 1.0, "p90", 3.0), spread(gpuA.get("wait_s")));
        assertEquals(Map.of("p50", 10.0, "p90", 20.0), spread(gpuA.get("run_s")));

        JsonNode cuda = timings.get("by_device").get(1);
        assertEquals("cuda:0", cuda.get("device").asText());
        assertFalse(cuda.has("worker"), "a device's figures span its workers");
        assertEquals(3, cuda.get("jobs").asInt());
        assertEquals(Map.of("p50", 20.0, "p90", 30.0), spread(cuda.get("run_s")));
    }

    @Test
    void aCompletedJobIsTimedOnItsWorker() {
        assertEquals(202, http.postJson("/api/v1/demos/" + worked.name() + "/jobs", "{}").status());
        TestWorker worker = new TestWorker(api.redis().client(), "timed-worker");
        worker.complete(worker.claim(worked.name()), "{}", List.of());

        JsonNode timings = timings(http.get("/monitor/" + worked.name()).json(), worked.name());
        assertEquals(1, timings.get("all").get("jobs").asInt());
        JsonNode byWorker = timings.get("by_worker").get(0);
        assertEquals("timed-worker", byWorker.get("worker").asText());
        assertTrue(byWorker.get("run_s").get("p50").asDouble() >= 0 && byWorker.get("wait_s").get("p90").asDouble() >= 0);
    }

    @Test
    void beforeAnyJobSucceededThereAreNoFigures() {
        JsonNode timings = timings(http.get("/monitor/" + idle.name()).json(), idle.name());
        assertTrue(timings.get("all").isNull(), timings::toString);
        assertEquals(0, timings.get("by_worker").size());
        assertEquals(0, timings.get("by_device").size());
    }

    private static void record(TestDemo demo, long waitMs, long runMs, String worker, String device) {
        api.redis().client().getList(new QueueKeys(demo.name()).timings(), StringCodec.INSTANCE)
                .add(0, Json.write(Map.of("wait_ms", waitMs, "run_ms", runMs, "worker", worker, "device", device)));
    }

    private static JsonNode timings(JsonNode monitor, String demo) {
        for (JsonNode t : monitor.get("timings")) {
            if (t.get("demo").asText().equals(demo)) {
                return t;
            }
        }
        throw new AssertionError("no timings of " + demo + " in " + monitor);
    }

    private static Map<String, Double> spread(JsonNode node) {
        return Map.of("p50", node.get("p50").asDouble(), "p90", node.get("p90").asDouble());
    }
}
