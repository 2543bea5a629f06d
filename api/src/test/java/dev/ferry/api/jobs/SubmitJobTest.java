package dev.ferry.api.jobs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestFiles;
import dev.ferry.api.support.TestServer;
import dev.ferry.core.job.JobId;
import dev.ferry.core.storage.JobInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubmitJobTest {
    static final TestDemo echo = TestDemo.echo();
    static final TestDemo images = TestDemo.images();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(echo, images);
    static final Http http = api.http();

    private static String jobs(TestDemo demo) {
        return "/api/v1/demos/" + demo.name() + "/jobs";
    }

    @Test
    void jsonSubmitIsAcceptedAndReadable() {
        Response created = http.postJson(jobs(echo), "{\"params\":{\"sleep_ms\":250,\"label\":\"hi\"},\"priority\":\"high\",\"time_limit_s\":12}");
        assertEquals(202, created.status(), created::toString);
        JsonNode job = created.json();
        String id = job.get("id").asText();
        assertEquals("/api/v1/jobs/" + id, created.header("Location"));
        assertEquals(echo.name(), job.get("demo").asText());
        assertEquals("queued", job.get("state").asText());
        assertEquals("high", job.get("priority").asText());
        assertEquals(250, job.get("params").get("sleep_ms").asInt());
        assertEquals("fast", job.get("params").get("mode").asText(), "defaults are filled in");
        assertEquals(2, job.get("max_attempts").asInt());
        assertEquals(12, job.get("time_limit_s").asInt());
        assertTrue(job.get("error").isNull());
        assertTrue(job.get("result").isNull());
        assertTrue(job.get("started_at").isNull());
        assertEquals(0, job.get("files").size());
        assertTrue(job.has("created_at") && job.has("progress") && job.has("attempts"));

        Response read = http.get(created.header("Location"));
        assertEquals(200, read.status());
        assertEquals(id, read.json().get("id").asText());
        assertEquals(job.get("created_at"), read.json().get("created_at"));
    }

    @Test
    void emptyBodyWithoutContentTypeMeansNoParams() {
        Response created = http.post(jobs(echo) + "?priority=high&time_limit_s=7");
        assertEquals(202, created.status(), created::toString);
        assertEquals(0, created.json().get("params").get("sleep_ms").asInt());
        assertEquals("high", created.json().get("priority").asText());
        assertEquals(7, created.json().get("time_limit_s").asInt());
    }

    @Test
    void multipartSubmitStoresTheFilesInOrder() throws Exception {
        byte[] first = TestFiles.png(20, 10);
        byte[] second = TestFiles.png(5, 5);
        Response created = http.postMultipart(jobs(images), new Multipart()
                .file("file", "../../holiday photo.png", "application/octet-stream", first)
                .file("file", "second.png", "image/png", second)
                .field("params", "{\"size\": 64}")
                .field("priority", "high")
                .field("time_limit_s", "20"));
        assertEquals(202, created.status(), created::toString);
        JsonNode job = created.json();
        assertEquals(64, job.get("params").get("size").asInt());
        assertEquals("high", job.get("priority").asText());
        assertEquals(20, job.get("time_limit_s").asInt());

        JobId id = JobId.parse(job.get("id").asText()).orElseThrow();
        List<Path> inputs = JobInputs.list(api.server().data().inputsDir(id));
        assertEquals(List.of("000-holiday_photo.png", "001-second.png"), inputs.stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(Arrays.equals(first, Files.readAllBytes(inputs.get(0))));
        assertTrue(Arrays.equals(second, Files.readAllBytes(inputs.get(1))));
        JsonNode record = dev.ferry.core.json.Json.MAPPER.readTree(api.server().data().jobJson(id).toFile());
        assertEquals(id.toString(), record.get("id").asText());
        assertEquals("queued", record.get("state").asText());
        Path spool = api.server().data().root().resolve("tmp/uploads");
        await("Jetty's spooled parts are deleted").atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
            try (var left = Files.list(spool)) {
                return left.findAny().isEmpty();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void paramsPartMayBeAnUploadedJsonFile() {
        Response created = http.postMultipart(jobs(images), new Multipart()
                .file("params", "params.json", "application/json", "{\"size\": 128}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .file("file", "a.png", "image/png", TestFiles.png(3, 3)));
        assertEquals(202, created.status(), created::toString);
        assertEquals(128, created.json().get("params").get("size").asInt());
        Response broken = http.postMultipart(jobs(images), new Multipart().field("params", "{size: 1}")
                .file("file", "a.png", "image/png", TestFiles.png(3, 3)));
        assertEquals(400, broken.status());
        assertEquals("invalid_json", broken.errorCode());
    }

    @Test
    void unknownDemoIs404() {
        Response r = http.postJson("/api/v1/demos/nosuchdemo/jobs", "{}");
        assertEquals(404, r.status());
        assertEquals("unknown_demo", r.errorCode());
    }

    @Test
    void invalidJsonIs400() {
        Response r = http.postJson(jobs(echo), "{\"params\": {\"sleep_ms\": 1,,}");
        assertEquals(400, r.status());
        assertEquals("invalid_json", r.errorCode());
        assertTrue(r.json().get("error").get("message").asText().contains("line 1"), r::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"params\":{\"sleep_ms\":\"soon\"}}       | sleep_ms",
        "{\"params\":{\"sleep_ms\":1.5}}            | sleep_ms",
        "{\"params\":{\"sleep_ms\":5000}}           | sleep_ms",
        "{\"params\":{\"ratio\":1.01}}              | ratio",
        "{\"params\":{\"label\":\"far too long\"}}  | label",
        "{\"params\":{\"mode\":\"medium\"}}         | mode",
        "{\"params\":{\"loud\":\"yes\"}}            | loud",
        "{\"params\":{\"colour\":\"red\"}}          | colour",
        "{\"params\":[1,2]}                         | params",
        "{\"param\":{}}                             | param",
        "{\"priority\":\"urgent\"}                  | priority",
        "{\"priority\":3}                           | priority",
        "{\"time_limit_s\":0}                       | time_limit_s",
        "{\"time_limit_s\":999999999}               | time_limit_s",
        "{\"time_limit_s\":\"a minute\"}            | time_limit_s",
    })
    void invalidParametersAre400NamingTheField(String body, String field) {
        Response r = http.postJson(jobs(echo), body);
        assertEquals(400, r.status(), r::toString);
        assertEquals("invalid_param", r.errorCode());
        JsonNode error = r.json().get("error");
        assertEquals(field, error.get("field").asText());
        assertTrue(error.get("message").asText().contains(field), r::toString);
    }

    @Test
    void invalidQueryOptionsAre400() {
        Response r = http.post(jobs(echo) + "?priority=later");
        assertEquals(400, r.status());
        assertEquals("priority", r.json().get("error").get("field").asText());
    }

    @Test
    void missingFileIs400() {
        Response json = http.postJson(jobs(images), "{\"params\":{\"size\":3}}");
        assertEquals(400, json.status());
        assertEquals("missing_input", json.errorCode());
        Response form = http.postMultipart(jobs(images), new Multipart().field("params", "{}"));
        assertEquals(400, form.status());
        assertEquals("missing_input", form.errorCode());
    }

    @Test
    void wrongMediaTypeIs415AndLeavesNoFolder() throws Exception {
        int before = api.server().jobFolders(images).size();
        Response r = http.postMultipart(jobs(images), new Multipart()
                .file("file", "fine.png", "image/png", TestFiles.png(4, 4))
                .file("file", "report.png", "image/png", TestFiles.pdf()));
        assertEquals(415, r.status(), r::toString);
        assertEquals("unsupported_media_type", r.errorCode());
        String message = r.json().get("error").get("message").asText();
        assertTrue(message.contains("report.png") && message.contains("application/pdf"), message);
        assertEquals(before, api.server().jobFolders(images).size(), "the refused job's folder is removed");
    }

    @Test
    void otherBodyTypesAre415() {
        Response r = http.send(http.request(jobs(echo)).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("sleep_ms=3")));
        assertEquals(415, r.status());
        assertEquals("unsupported_media_type", r.errorCode());
    }

    @Test
    void unknownFormPartIs400() {
        Response r = http.postMultipart(jobs(images), new Multipart().file("files", "a.png", "image/png", TestFiles.png(2, 2)));
        assertEquals(400, r.status());
        assertEquals("files", r.json().get("error").get("field").asText());
    }

    @Test
    void idempotencyKeyReturnsTheSameJob() {
        Response first = http.postMultipart(jobs(images), new Multipart().file("file", "a.png", "image/png", TestFiles.png(3, 3)),
                "Idempotency-Key", "order-42");
        assertEquals(202, first.status(), first::toString);
        Response again = http.postMultipart(jobs(images), new Multipart().file("file", "b.png", "image/png", TestFiles.png(3, 3)),
                "Idempotency-Key", "order-42");
        assertEquals(200, again.status(), again::toString);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals(first.header("Location"), again.header("Location"));
        Response other = http.postMultipart(jobs(images), new Multipart().file("file", "c.png", "image/png", TestFiles.png(3, 3)),
                "Idempotency-Key", "order-43");
        assertNotEquals(first.json().get("id"), other.json().get("id"));
        long folders = api.server().jobFolders(images).size();
        assertEquals(2, folders, "the replayed submit's folder is removed");
    }

    /** As Stripe does: a key names one request; reusing it for another is an error, never a silent replay of the first. */
    @Test
    void anIdempotencyKeyReusedForAnotherRequestIs409() {
        Response first = http.postJson(jobs(echo), "{\"params\":{\"sleep_ms\":5}}", "Idempotency-Key", "order-77");
        assertEquals(202, first.status(), first::toString);
        String firstId = first.json().get("id").asText();
        for (String other : List.of("{\"params\":{\"sleep_ms\":6}}", "{\"params\":{\"sleep_ms\":5},\"priority\":\"high\"}",
                "{\"params\":{\"sleep_ms\":5},\"time_limit_s\":7}")) {
            Response conflict = http.postJson(jobs(echo), other, "Idempotency-Key", "order-77");
            assertEquals(409, conflict.status(), other + " -> " + conflict);
            assertEquals("idempotency_conflict", conflict.errorCode());
            assertEquals("Idempotency-Key", conflict.json().get("error").get("field").asText());
            assertTrue(conflict.json().get("error").get("message").asText().contains(firstId), conflict::toString);
        }
        Response same = http.postJson(jobs(echo), "{\"params\":{\"sleep_ms\":5,\"mode\":\"fast\"}}", "Idempotency-Key", "order-77");
        assertEquals(200, same.status(), "the same request, defaults spelled out, still replays: " + same);
        assertEquals(firstId, same.json().get("id").asText());
    }

    @Test
    void anIdempotencyKeyReusedWithOtherInputsIs409AndStoresNothing() {
        TestDemo scans = TestDemo.images();
        try (TestServer own = api.start(List.of(scans))) {
            String url = "/api/v1/demos/" + scans.name() + "/jobs";
            Response first = own.http().postMultipart(url, new Multipart().file("file", "a.png", "image/png", TestFiles.png(4, 4)),
                    "Idempotency-Key", "scan-9");
            assertEquals(202, first.status(), first::toString);
            Response conflict = own.http().postMultipart(url, new Multipart().file("file", "a.png", "image/png", TestFiles.png(5, 4)),
                    "Idempotency-Key", "scan-9");
            assertEquals(409, conflict.status(), conflict::toString);
            assertEquals("idempotency_conflict", conflict.errorCode());
            assertEquals(List.of(first.json().get("id").asText()),
                    own.jobFolders(scans).stream().map(folder -> folder.getFileName().toString()).toList(),
                    "the refused request's folder is removed");
        }
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        String unknown = JobId.generate(echo.name(), System.currentTimeMillis()).toString();
        for (String id : List.of(unknown, "not-a-job", "echo-..%2F..%2Fetc", "UPPER-01ARZ3NDEKTSV4RRFFQ69G5FAV")) {
            Response r = http.get("/api/v1/jobs/" + id);
            assertEquals(404, r.status(), id);
            assertEquals("job_not_found", r.errorCode());
        }
    }
}
