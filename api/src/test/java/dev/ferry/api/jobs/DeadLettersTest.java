package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Multipart;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestFiles;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Listing, retrying and deleting dead letters over HTTP; the test is the worker that dies running them. */
class DeadLettersTest {
    static final TestDemo echo = TestDemo.echo();
    static final TestDemo images = TestDemo.images();
    static final TestDemo many = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(echo, images, many);
    static final Http http = api.http();

    @Test
    void aRetriedDeadLetterIsQueuedThenSucceeds() {
        TestWorker worker = new TestWorker(api.redis().client(), "retry-worker");
        String id = submit(echo);
        worker.dieWith(echo.name());
        JobNode listed = deadLetters(echo).get(0);
        assertEquals(id, listed.id());
        assertEquals("poison", listed.job().get("error").get("code").asText(), "a dead letter shows its error");

        Response retried = http.post("/api/v1/jobs/" + id + "/retry");
        assertEquals(200, retried.status(), retried::toString);
        assertEquals("queued", retried.json().get("state").asText());
        assertEquals(0, retried.json().get("attempts").asInt(), "a fresh attempt budget");
        assertEquals(0, http.get(deadLettersUrl(echo)).json().get("count").asInt());

        Job again = worker.claim(echo.name());
        worker.complete(again, "{}", List.of());
        assertEquals("succeeded", http.get("/api/v1/jobs/" + id).json().get("state").asText());
    }

    @Test
    void aDeletedDeadLetterIsGoneWithItsFolder() {
        Response created = http.postMultipart("/api/v1/demos/" + images.name() + "/jobs",
                new Multipart().file("file", "page.png", "image/png", TestFiles.png(8, 8)));
        assertEquals(202, created.status(), created::toString);
        String id = created.json().get("id").asText();
        Path folder = api.server().data().jobDir(JobId.parse(id).orElseThrow());
        assertTrue(Files.isDirectory(folder));
        new TestWorker(api.redis().client(), "delete-worker").dieWith(images.name());

        Response deleted = http.send(http.request("/api/v1/jobs/" + id).DELETE());
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(404, http.get("/api/v1/jobs/" + id).status());
        assertFalse(Files.exists(folder), "the job's folder is deleted with it");
        assertEquals(List.of(), deadLetters(images));
        Response again = http.send(http.request("/api/v1/jobs/" + id).DELETE());
        assertEquals(404, again.status());
        assertEquals("job_not_found", again.errorCode());
    }

    @Test
    void retryAllThenDeleteAllOfADemo() {
        TestWorker worker = new TestWorker(api.redis().client(), "all-worker");
        Set<String> first = deadLettersOf(many, 3, worker);
        Response retried = http.post(deadLettersUrl(many) + "/retry");
        assertEquals(200, retried.status(), retried::toString);
        assertEquals(3, retried.json().get("retried").asInt());
        for (String id : first) {
            assertEquals("queued", http.get("/api/v1/jobs/" + id).json().get("state").asText());
        }
        assertEquals(List.of(), deadLetters(many));

        for (int i = 0; i < 3; i++) {
            worker.dieWith(many.name());
        }
        Response deleted = http.send(http.request(deadLettersUrl(many)).DELETE());
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals(3, deleted.json().get("deleted").asInt());
        for (String id : first) {
            assertEquals(404, http.get("/api/v1/jobs/" + id).status());
        }
        assertEquals(0, http.get(deadLettersUrl(many)).json().get("count").asInt());
    }

    @Test
    void onlyADeadLetterCanBeRetriedOrDeleted() {
        String queued = submit(echo);
        Response retry = http.post("/api/v1/jobs/" + queued + "/retry");
        assertEquals(409, retry.status(), retry::toString);
        assertEquals("not_a_dead_letter", retry.errorCode());
        Response delete = http.send(http.request("/api/v1/jobs/" + queued).DELETE());
        assertEquals(409, delete.status(), delete::toString);
        assertEquals("not_a_dead_letter", delete.errorCode());
        assertEquals("queued", http.get("/api/v1/jobs/" + queued).json().get("state").asText());

        Response unknown = http.post("/api/v1/jobs/" + JobId.generate(echo.name(), System.currentTimeMillis()) + "/retry");
        assertEquals(404, unknown.status());
        assertEquals("job_not_found", unknown.errorCode());
        assertEquals(404, http.post("/api/v1/jobs/garbage/retry").status());
    }

    @Test
    void anUnknownDemoHasNoDeadLetters() {
        for (Response r : List.of(http.get("/api/v1/demos/nosuch/dead-letters"), http.post("/api/v1/demos/nosuch/dead-letters/retry"),
                http.send(http.request("/api/v1/demos/nosuch/dead-letters").DELETE()))) {
            assertEquals(404, r.status(), r::toString);
            assertEquals("unknown_demo", r.errorCode());
        }
    }

    private static Set<String> deadLettersOf(TestDemo demo, int count, TestWorker worker) {
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            ids.add(submit(demo));
            worker.dieWith(demo.name());
        }
        assertEquals(ids, new TreeSet<>(deadLetters(demo).stream().map(JobNode::id).toList()));
        return ids;
    }

    private static String submit(TestDemo demo) {
        Response r = http.postJson("/api/v1/demos/" + demo.name() + "/jobs", "{}");
        assertEquals(202, r.status(), r::toString);
        return r.json().get("id").asText();
    }

    private static String deadLettersUrl(TestDemo demo) {
        return "/api/v1/demos/" + demo.name() + "/dead-letters";
    }

    private static List<JobNode> deadLetters(TestDemo demo) {
        Response r = http.get(deadLettersUrl(demo));
        assertEquals(200, r.status(), r::toString);
        List<JobNode> jobs = new ArrayList<>();
        r.json().get("dead_letters").forEach(j -> jobs.add(new JobNode(j)));
        assertEquals(jobs.size(), r.json().get("count").asInt());
        return jobs;
    }

    /** A job as a listing gives it. */
    private record JobNode(JsonNode job) {
        String id() {
            return job.get("id").asText();
        }
    }
}
