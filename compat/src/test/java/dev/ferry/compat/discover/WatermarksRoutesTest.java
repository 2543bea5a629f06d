package dev.ferry.compat.discover;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestFiles;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobState;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.core.sources.SourceStore;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.watermarks.WatermarksDemo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * discover-api's /watermarks routes (app/watermarks/routes.py) over real HTTP, served by the API
 * with FERRY_COMPAT=discover, onto a real source in the SourceStore, submitting to the real
 * watermarks demo. No worker runs: a job is finished as
 * a worker does (claimed, its matches.json written as the demo's contract describes, completed).
 */
class WatermarksRoutesTest {
    @RegisterExtension
    static final DiscoverApiForTests api = DiscoverApiForTests.serving(services -> List.of(new WatermarksDemo(services)));
    private static final byte[] PHOTO = TestFiles.jpeg(64, 48);
    private static Http http;
    private static DataFolder data;
    private static String source;

    @BeforeAll
    static void addSource() throws Exception {
        http = api.http();
        data = api.data();
        source = new SourceStore(data, api.config().media()).add(new ByteArrayInputStream(sourceZip()), 1 << 20, "briquet", Map.of())
                .uid();
    }

    @Test
    void startTurnsDiscoversFormIntoAWatermarksJobOfThePhoto() throws Exception {
        Http.Response started = http.postMultipart("/watermarks/start", new Multipart().file("image", "photo.jpg", "image/jpeg", PHOTO)
                .field("compare_to", source).field("detect", "false").field("experiment_id", "wm-1")
                .field("notify_url", "http://127.0.0.1:9/notify"));
        assertEquals(200, started.status(), started::toString);
        assertEquals("wm-1", started.json().get("experiment_id").asText());

        Job job = api.job(started.json().get("tracking_id").asText());
        assertEquals("watermarks", job.demo());
        assertEquals(source, job.params().get("source"));
        assertEquals("off", job.params().get("detect"));
        assertArrayEquals(PHOTO, Files.readAllBytes(onlyInput(job)), "the photo is the job's one input, as sent");
        assertEquals("http://127.0.0.1:9/notify", job.webhook().orElseThrow().url().toString());
        assertEquals(DiscoverCallbacks.FORMAT, job.webhook().orElseThrow().format());

        // routes.py, start_task: detect defaults to "true", read case-blind; experiment_id to a uuid4
        JsonNode byDefault = http.postMultipart("/watermarks/start", new Multipart().file("image", "p.jpg", "image/jpeg", PHOTO)
                .field("compare_to", source)).json();
        assertEquals("auto", api.job(byDefault.get("tracking_id").asText()).params().get("detect"), "detected when a detector is installed");
        UUID.fromString(byDefault.get("experiment_id").asText());
        JsonNode upper = http.postMultipart("/watermarks/start", new Multipart().file("image", "p.jpg", "image/jpeg", PHOTO)
                .field("compare_to", source).field("detect", "True")).json();
        assertEquals("auto", api.job(upper.get("tracking_id").asText()).params().get("detect"));
    }

    @Test
    void badStartsAreRefusedWithTheRightStatusAndNoJob() throws Exception {
        int jobsBefore = jobFolders();
        // routes.py, start_task: 404 {"error": "Source <uid> not found"}
        Http.Response unknown = http.postMultipart("/watermarks/start", new Multipart().file("image", "p.jpg", "image/jpeg", PHOTO)
                .field("compare_to", "nosuchsource"));
        assertEquals(404, unknown.status());
        assertEquals("Source nosuchsource not found", unknown.json().get("error").asText());
        assertEquals("source_not_found", unknown.json().get("code").asText());

        Http.Response noImage = http.postMultipart("/watermarks/start", new Multipart().field("compare_to", source));
        assertRefused(400, "missing_input", "image", noImage);
        Http.Response emptyImage = http.postMultipart("/watermarks/start", new Multipart().file("image", "", "application/octet-stream",
                new byte[0]).field("compare_to", source));
        assertRefused(400, "missing_input", "image", emptyImage);
        assertRefused(400, "invalid_param", "compare_to", http.postMultipart("/watermarks/start",
                new Multipart().file("image", "p.jpg", "image/jpeg", PHOTO)));
        assertRefused(400, "invalid_param", "detect", http.postMultipart("/watermarks/start",
                new Multipart().file("image", "p.jpg", "image/jpeg", PHOTO).field("compare_to", source).field("detect", "yes")));
        Http.Response notAPhoto = http.postMultipart("/watermarks/start", new Multipart().file("image", "notes.txt", "text/plain",
                "no photo".getBytes(java.nio.charset.StandardCharsets.UTF_8)).field("compare_to", source));
        assertEquals(415, notAPhoto.status(), notAPhoto::toString);
        Http.Response json = http.postJson("/watermarks/start", "{\"compare_to\": \"" + source + "\"}");
        assertEquals(415, json.status(), json::toString);
        assertTrue(json.json().get("error").asText().contains("'image'"), json::toString);
        assertEquals(jobsBefore, jobFolders(), "a refused start leaves no job behind");
    }

    @Test
    void aFinishedJobAnswersDiscoversResultInItsStatusAndResultRoutes() throws Exception {
        String tracking = startOnePhoto();
        assertEquals("PENDING", http.get("/watermarks/" + tracking + "/status").json().at("/log/status").asText());
        Http.Response early = http.get("/watermarks/task/" + tracking + "/result");
        assertEquals(404, early.status(), "routes.py, task_result: 404 until the result exists");

        finish(api.job(tracking), WatermarkMatchesFiles.TWO_PHOTOS);
        JsonNode expected = Json.MAPPER.readTree(WatermarkMatchesFiles.TWO_PHOTOS_RESULT);
        Http.Response result = http.get("/watermarks/task/" + tracking + "/result");
        assertEquals(200, result.status(), result::toString);
        assertEquals(expected, result.json());
        JsonNode status = http.get("/watermarks/" + tracking + "/status").json();
        assertEquals(tracking, status.get("tracking_id").asText());
        assertEquals(expected, status.get("log"), "routes.py, status: the task's output as its result store holds it");
    }

    @Test
    void cancelEndsTheJobAndClearLeavesResultsToRetention() throws Exception {
        String tracking = startOnePhoto();
        assertEquals(Json.MAPPER.readTree("{\"tracking_id\": \"" + tracking + "\"}"),
                http.post("/watermarks/" + tracking + "/cancel").json());
        assertEquals(JobState.CANCELLED, api.job(tracking).state());
        assertEquals("ERROR", http.get("/watermarks/" + tracking + "/status").json().at("/log/status").asText());

        // routes.py, clear_old_tasks and clear_task: discover's keys, nothing cleared
        assertEquals(Json.MAPPER.readTree("{\"cleared_tmp_queries\": 0, \"cleared_results\": 0}"),
                http.post("/watermarks/monitor/clear/").json());
        assertEquals(Json.MAPPER.readTree("{\"cleared_results\": 0}"), http.post("/watermarks/monitor/clear/" + tracking + "/").json());
        assertEquals(JobState.CANCELLED, api.job(tracking).state(), "the job stays until FERRY_RETENTION removes it");
        assertEquals(404, http.get("/watermarks/00000000-0000-0000-0000-000000000000/status").status());
    }

    private static String startOnePhoto() {
        Http.Response started = http.postMultipart("/watermarks/start", new Multipart().file("image", "photo.jpg", "image/jpeg", PHOTO)
                .field("compare_to", source));
        assertEquals(200, started.status(), started::toString);
        return started.json().get("tracking_id").asText();
    }

    private static void assertRefused(int status, String code, String field, Http.Response answer) {
        assertEquals(status, answer.status(), answer::toString);
        assertEquals(code, answer.json().get("code").asText(), answer::toString);
        assertEquals(field, answer.json().get("field").asText(), answer::toString);
    }

    /** Claimed and completed as a worker does; the other tests' jobs it claims on the way stay running. */
    private static void finish(Job queued, String matchesJson) throws Exception {
        WorkQueue worker = new WorkQueue(api.redis().scripts(), "test-worker");
        Job running = worker.claim(WatermarkStart.DEMO, 100).stream().filter(j -> j.id().equals(queued.id())).findFirst().orElseThrow();
        Path outputs = Files.createDirectories(data.outputsDir(running.id()));
        Files.writeString(outputs.resolve(WatermarkOutput.MATCHES), matchesJson);
        worker.complete(running, "{\"report\": \"matches.json\"}", List.of());
    }

    private static Path onlyInput(Job job) throws Exception {
        try (Stream<Path> files = Files.list(data.inputsDir(job.id()))) {
            List<Path> inputs = files.toList();
            assertEquals(1, inputs.size(), inputs::toString);
            return inputs.get(0);
        }
    }

    private static int jobFolders() throws Exception {
        Path jobs = data.root().resolve("jobs");
        if (!Files.isDirectory(jobs)) {
            return 0;
        }
        try (Stream<Path> folders = Files.list(jobs)) {
            return (int) folders.count();
        }
    }

    private static byte[] sourceZip() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("w0.png"));
            zip.write(TestFiles.png(64, 48));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
