package dev.ferry.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole platform in one process, as `ferry up` runs it, driven over real HTTP and the real CLI. */
class FerryNodeTest {
    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("noop");

    private final String base = ferry.url();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void noopJobSucceedsAndItsFileIsServed() throws Exception {
        Path upload = Files.writeString(ferry.data().resolve("hello.txt"), "hello ferry");
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"params\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"echo\":\"hi\",\"sleep_ms\":100}\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hello.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + Files.readString(upload) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/demos/noop/jobs"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, submitted.statusCode(), submitted.body());
        String id = Json.MAPPER.readTree(submitted.body()).get("id").asText();

        JsonNode job = await("job to succeed").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> get("/api/v1/jobs/" + id), j -> "succeeded".equals(j.path("state").asText()));
        assertEquals("hi", job.path("result").path("echo").asText());
        assertEquals(1, job.path("result").path("inputs").asInt());
        String url = job.path("files").get(0).path("url").asText();
        JsonNode output = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(base + url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("hello.txt", output.path("input_files").get(0).path("name").asText());
        assertTrue(Files.exists(ferry.data().resolve("jobs").resolve(id).resolve("job.json")));

        JsonNode monitor = get("/monitor");
        assertTrue(monitor.toString().contains("noop"), monitor.toString());
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("ferry_jobs_submitted_total"), metrics);
    }

    @Test
    void cliSubmitWaitsAndExitsNonZeroOnFailure() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true));
        int ok;
        int failed;
        try {
            ok = Main.run("submit", "noop", "--url", base, "--param", "echo=cli", "--wait");
            failed = Main.run("submit", "noop", "--url", base, "--param", "fail_times=5", "--wait");
        } finally {
            System.setOut(original);
        }
        assertEquals(0, ok);
        assertEquals(1, failed);
        assertTrue(out.toString().contains("\"echo\" : \"cli\""), out.toString());
        assertTrue(out.toString().contains("requested_failure"), out.toString());
    }

    private JsonNode get(String path) {
        try {
            return Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
