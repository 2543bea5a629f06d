package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestFiles;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.job.JobId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Output files of a job finished by the test acting as its worker. */
class JobFilesTest {
    static final TestDemo echo = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(echo);
    static final Http http = api.http();
    static JobId id;
    static byte[] png;

    @BeforeAll
    static void finishAJob() throws Exception {
        id = JobId.parse(http.postJson("/api/v1/demos/" + echo.name() + "/jobs", "{}").json().get("id").asText()).orElseThrow();

        TestWorker worker = new TestWorker(api.redis().client(), "files-worker");
        Job job = worker.claim(echo.name());
        Path outputs = api.server().data().outputsDir(id);
        png = TestFiles.png(40, 30);
        Files.createDirectories(outputs.resolve("frames"));
        Files.write(outputs.resolve("frames/frame 1.png"), png);
        Files.writeString(outputs.resolve("summary.json"), "{\"ok\":true}");
        Files.writeString(outputs.resolve("notes.txt"), "0123456789");
        worker.complete(job, "{\"frames\":1}", List.of(
                new JobFile("frames/frame 1.png", png.length, "image/png"),
                new JobFile("summary.json", 11, "application/json"),
                new JobFile("notes.txt", 10, "text/plain")));
        Files.writeString(api.server().data().jobDir(id).resolve("secret.txt"), "not an output");
    }

    @Test
    void theJobListsItsFilesWithUrlsThatServeThem() {
        JsonNode job = http.get("/api/v1/jobs/" + id).json();
        assertEquals("succeeded", job.get("state").asText());
        assertEquals(1, job.get("result").get("frames").asInt());
        JsonNode frame = job.get("files").get(0);
        assertEquals("frames/frame 1.png", frame.get("path").asText());
        assertEquals("image/png", frame.get("content_type").asText());
        assertEquals("/api/v1/jobs/" + id + "/files/frames/frame%201.png", frame.get("url").asText());

        Response served = http.get(frame.get("url").asText());
        assertEquals(200, served.status());
        assertEquals("image/png", served.header("Content-Type"));
        assertArrayEquals(png, served.bytes());
    }

    @Test
    void contentTypeComesFromTheExtension() {
        Response json = http.get("/api/v1/jobs/" + id + "/files/summary.json");
        assertEquals(200, json.status());
        assertTrue(json.header("Content-Type").startsWith("application/json"), json.header("Content-Type"));
        assertEquals("{\"ok\":true}", json.text());
        assertTrue(http.get("/api/v1/jobs/" + id + "/files/notes.txt").header("Content-Type").startsWith("text/plain"));
    }

    @Test
    void rangeRequestsAnswer206WithExactlyThoseBytes() {
        Response middle = http.get("/api/v1/jobs/" + id + "/files/frames/frame%201.png", "Range", "bytes=8-15");
        assertEquals(206, middle.status());
        assertEquals("bytes 8-15/" + png.length, middle.header("Content-Range"));
        assertArrayEquals(Arrays.copyOfRange(png, 8, 16), middle.bytes());

        Response tail = http.get("/api/v1/jobs/" + id + "/files/notes.txt", "Range", "bytes=-3");
        assertEquals(206, tail.status());
        assertEquals("789", tail.text());

        Response open = http.get("/api/v1/jobs/" + id + "/files/notes.txt", "Range", "bytes=7-");
        assertEquals("789", open.text());

        Response beyond = http.get("/api/v1/jobs/" + id + "/files/notes.txt", "Range", "bytes=50-60");
        assertEquals(416, beyond.status());
        assertEquals("bytes */10", beyond.header("Content-Range"));
        assertTrue(beyond.header("Content-Type").startsWith("application/json"), beyond::toString);
        assertEquals("range_not_satisfiable", beyond.errorCode(), "the JSON error body, not an empty one: " + beyond);
    }

    @Test
    void pathsOutsideTheOutputsAreRefused() throws Exception {
        Path outside = Files.writeString(api.server().data().root().resolve("outside.txt"), "private");
        Files.createSymbolicLink(api.server().data().outputsDir(id).resolve("link.txt"), outside);
        for (String path : List.of("../job.json", "..%2Fsecret.txt", "%2e%2e/secret.txt", "%2e%2e%2fsecret.txt", "frames/../../secret.txt",
                "link.txt", "frames", "missing.png", "%2Fetc%2Fpasswd")) {
            Response r = http.get("/api/v1/jobs/" + id + "/files/" + path);
            assertTrue(r.status() == 404 || r.status() == 400, path + " -> " + r);
            assertTrue(!r.text().contains("private") && !r.text().contains("not an output"), path);
            assertTrue(r.json().has("error"), path + " answers JSON: " + r.text());
        }
    }

    @Test
    void filesOfAMalformedJobIdAre404() {
        Response r = http.get("/api/v1/jobs/nope/files/summary.json");
        assertEquals(404, r.status());
        assertEquals("job_not_found", r.errorCode());
        assertEquals("file_not_found", http.get("/api/v1/jobs/" + id + "/files/none.txt").errorCode());
    }
}
