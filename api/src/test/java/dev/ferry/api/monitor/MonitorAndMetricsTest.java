package dev.ferry.api.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.WorkerInfo;
import dev.ferry.core.queue.WorkerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MonitorAndMetricsTest {
    static final TestDemo echo = TestDemo.echo();
    static final TestDemo images = TestDemo.images();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(echo, images);
    static final Http http = api.http();

    @BeforeAll
    static void queueJobsAndRegisterAWorker() {
        for (int i = 0; i < 3; i++) {
            assertEquals(202, http.postJson("/api/v1/demos/" + echo.name() + "/jobs", "{}").status());
        }
        TestWorker worker = new TestWorker(api.redis().client(), "monitor-worker");
        var job = worker.claim(echo.name());
        new WorkerRegistry(new RedisScripts(api.redis().client())).beat(
                new WorkerInfo("monitor-worker", "gpu-box", 4242, "cuda:0", List.of(echo.name()), 1, List.of(job.id().toString())),
                Duration.ofSeconds(30));
    }

    @Test
    void monitorShowsQueuesWorkersAndTheDataFolder() {
        Response r = http.get("/monitor");
        assertEquals(200, r.status(), r::toString);
        JsonNode body = r.json();
        JsonNode stats = demo(body, echo.name());
        assertEquals(2, stats.get("queued").asInt());
        assertEquals(1, stats.get("running").asInt());
        assertTrue(stats.has("succeeded_last_hour") && stats.has("failed_last_hour") && stats.has("dead_letters"));
        assertTrue(stats.get("oldest_queued_age_ms").asLong() >= 0);
        assertEquals(0, demo(body, images.name()).get("queued").asInt());

        JsonNode worker = body.get("workers").get(0);
        assertEquals("monitor-worker", worker.get("id").asText());
        assertEquals("gpu-box", worker.get("host").asText());
        assertEquals("cuda:0", worker.get("device").asText());
        assertEquals(1, worker.get("running_jobs").size());
        assertTrue(worker.get("alive").asBoolean());
        assertTrue(worker.get("heartbeat_age_ms").asLong() >= 0);

        JsonNode data = body.get("data");
        assertEquals(api.server().data().root().toString(), data.get("path").asText());
        assertTrue(data.get("free_bytes").asLong() > 0);
        assertTrue(data.get("used_bytes").asLong() >= 0);
    }

    @Test
    void monitorOfOneDemo() {
        JsonNode one = http.get("/monitor/" + echo.name()).json();
        assertEquals(1, one.get("demos").size());
        assertEquals(2, one.get("demos").get(0).get("queued").asInt());
        assertEquals(1, one.get("workers").size());
        assertEquals(0, http.get("/monitor/" + images.name()).json().get("workers").size(), "only the demo's workers");
        Response unknown = http.get("/monitor/nosuch");
        assertEquals(404, unknown.status());
        assertEquals("unknown_demo", unknown.errorCode());
    }

    @Test
    void metricsInPrometheusText() {
        Response r = http.get("/metrics");
        assertEquals(200, r.status());
        assertTrue(r.header("Content-Type").startsWith("text/plain"), r.header("Content-Type"));
        String text = r.text();
        assertEquals(3.0, value(text, "ferry_jobs_submitted_total\\{demo=\"" + echo.name() + "\"}"), text);
        assertEquals(2.0, value(text, "ferry_queue_depth\\{demo=\"" + echo.name() + "\"}"), text);
        assertEquals(1.0, value(text, "ferry_jobs_running\\{demo=\"" + echo.name() + "\"}"), text);
        assertEquals(0.0, value(text, "ferry_jobs_finished_total\\{demo=\"" + echo.name() + "\",state=\"failed\"}"), text);
        assertEquals(1.0, value(text, "ferry_workers_live"), text);
    }

    /** docs/api.md promises these families; a line starting with the name is a sample of it. */
    @Test
    void metricsIncludeTheJvmTheProcessAndJetty() {
        String text = http.get("/metrics").text();
        for (String family : List.of("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ", "jvm_classes_loaded_classes ",
                "process_cpu_usage ", "process_uptime_seconds ", "jetty_threads_current ", "jetty_connections_")) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(family)).matcher(text).find(), "no " + family + " in\n" + text);
        }
    }

    @Test
    void demosAreListedWithTheirSpecs() {
        JsonNode demos = http.get("/api/v1/demos").json().get("demos");
        assertEquals(2, demos.size());
        JsonNode imageDemo = demos.get(1);
        assertEquals(images.name(), imageDemo.get("name").asText());
        assertTrue(imageDemo.get("requires_input").asBoolean());
        assertEquals("image/*", imageDemo.get("accepts").get(0).asText());
        assertEquals(30, imageDemo.get("time_limit_s").asInt());
        assertEquals(2, imageDemo.get("max_attempts").asInt());
        assertEquals(0, imageDemo.get("models").size());
        JsonNode size = imageDemo.get("params").get(0);
        assertEquals("size", size.get("name").asText());
        assertEquals("integer", size.get("type").asText());
        assertEquals(32, size.get("default_value").asInt());
        assertEquals(512, size.get("max").asInt());
    }

    private static JsonNode demo(JsonNode monitor, String name) {
        for (JsonNode d : monitor.get("demos")) {
            if (d.get("demo").asText().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("no stats for " + name + " in " + monitor);
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
        assertTrue(m.find(), "no " + series);
        return Double.parseDouble(m.group(1));
    }
}
