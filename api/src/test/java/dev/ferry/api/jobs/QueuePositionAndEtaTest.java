package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.QueueKeys;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.WorkerInfo;
import dev.ferry.core.queue.WorkerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.client.codec.StringCodec;

/** Every client reads a job's queue position and ETA in its JSON; each test has a demo of its own. */
class QueuePositionAndEtaTest {
    static final TestDemo ordered = TestDemo.echo();
    static final TestDemo estimated = TestDemo.echo();
    static final TestDemo finished = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(ordered, estimated, finished);
    static final Http http = api.http();

    @Test
    void queuedJobsStandInLineHighPriorityFirst() {
        String first = submit(ordered, "normal");
        String second = submit(ordered, "normal");
        String urgent = submit(ordered, "high");
        String third = submit(ordered, "normal");
        assertEquals(List.of(1, 2, 3, 4), List.of(position(urgent), position(first), position(second), position(third)));

        JsonNode waiting = job(first);
        assertTrue(waiting.get("eta_start_s").isNull() && waiting.get("eta_finish_s").isNull(),
                "no live worker serves the demo, so no time can be promised: " + waiting);
    }

    @Test
    void estimatesFollowFromTheDemosRecentRunsAndItsBusySlots() {
        recordRuns(estimated, 2, 4);
        String worker = "eta-worker";
        new WorkerRegistry(new RedisScripts(api.redis().client())).beat(new WorkerInfo(worker, "box", 1, "cpu",
                List.of(estimated.name()), 1, List.of("another job")), Duration.ofSeconds(30));
        String first = submit(estimated, "normal");
        String second = submit(estimated, "normal");

        // Runs of 2 s and 4 s: p50 2 s, p90 4 s; one slot, busy. The second waits for two runs.
        JsonNode job = job(second);
        assertEquals(2, job.get("queue_position").asInt());
        assertEquals(Map.of("p50", 4.0, "p90", 8.0), spread(job.get("eta_start_s")));
        assertEquals(Map.of("p50", 6.0, "p90", 12.0), spread(job.get("eta_finish_s")));
        assertEquals(Map.of("p50", 2.0, "p90", 4.0), spread(job(first).get("eta_start_s")));

        new TestWorker(api.redis().client(), worker).claim(estimated.name());
        JsonNode running = job(first);
        assertEquals(0, running.get("queue_position").asInt());
        assertEquals(Map.of("p50", 0.0, "p90", 0.0), spread(running.get("eta_start_s")));
        assertTrue(running.get("eta_finish_s").get("p90").asDouble() <= 4, running::toString);
        assertEquals(1, position(second), "one ahead started");
    }

    @Test
    void aFinishedJobHasNoPositionNorEta() {
        String id = submit(finished, "normal");
        TestWorker worker = new TestWorker(api.redis().client(), "finishing-worker");
        worker.complete(worker.claim(finished.name()), "{}", List.of());
        JsonNode done = job(id);
        assertEquals("succeeded", done.get("state").asText());
        for (String field : List.of("queue_position", "eta_start_s", "eta_finish_s")) {
            assertTrue(done.has(field) && done.get(field).isNull(), field + " in " + done);
        }
    }

    private static String submit(TestDemo demo, String priority) {
        Http.Response r = http.postJson("/api/v1/demos/" + demo.name() + "/jobs", "{\"priority\": \"" + priority + "\"}");
        assertEquals(202, r.status(), r::toString);
        assertTrue(r.json().has("queue_position"), "the submit answer carries the position too: " + r);
        return r.json().get("id").asText();
    }

    private static JsonNode job(String id) {
        return http.get("/api/v1/jobs/" + id).json();
    }

    private static int position(String id) {
        return job(id).get("queue_position").asInt();
    }

    private static Map<String, Double> spread(JsonNode node) {
        return Map.of("p50", node.get("p50").asDouble(), "p90", node.get("p90").asDouble());
    }

    /** Runs of the given seconds, as the complete script records them. */
    static void recordRuns(TestDemo demo, int... seconds) {
        for (int s : seconds) {
            api.redis().client().getList(new QueueKeys(demo.name()).timings(), StringCodec.INSTANCE)
                    .add(0, Json.write(Map.of("wait_ms", 0, "run_ms", s * 1000, "worker", "w", "device", "cpu")));
        }
    }
}
