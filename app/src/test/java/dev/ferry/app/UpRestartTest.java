package dev.ferry.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.runtime.FerryNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.json.Json;
import dev.ferry.testkit.FreePort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ferry up` with its embedded Redis, stopped and started again on the same data folder. */
class UpRestartTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void restartKeepsQueuedJobsAndFinishedResults() throws Exception {
        FerryConfig config = FerryConfig.from(Map.of(
                "FERRY_DATA", data.toString(),
                "FERRY_EMBEDDED_REDIS_PORT", String.valueOf(FreePort.next()),
                "FERRY_PORT", "0",
                "FERRY_DEMOS", "noop",
                "FERRY_MIN_FREE_MB", "1",
                "FERRY_SHUTDOWN_GRACE_S", "0"));
        String done;
        List<String> waiting = new ArrayList<>();
        try (FerryNode first = FerryNode.start(config, true, true, true)) {
            String base = base(first);
            done = submit(base, "{\"echo\":\"before\"}");
            awaitState(base, done, "succeeded");
            for (int i = 0; i < 3; i++) {
                waiting.add(submit(base, "{\"sleep_ms\":1500}"));
            }
            awaitState(base, waiting.get(0), "running");
        }
        try (FerryNode second = FerryNode.start(config, true, true, true)) {
            String base = base(second);
            assertEquals("before", job(base, done).path("result").path("echo").asText());
            for (String id : waiting) {
                awaitState(base, id, "succeeded");
            }
        }
    }

    private static String base(FerryNode node) {
        return "http://127.0.0.1:" + node.api().orElseThrow().port();
    }

    private String submit(String base, String params) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/demos/noop/jobs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"params\":" + params + "}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body()).get("id").asText();
    }

    private JsonNode job(String base, String id) throws Exception {
        return Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/" + id)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private void awaitState(String base, String id, String state) {
        await(id + " to be " + state).atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> state.equals(job(base, id).path("state").asText()));
    }
}
