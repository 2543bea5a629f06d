package dev.ferry.api.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.job.Job;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pausing and resuming a demo's queue over HTTP, with the test acting as the worker. */
class QueuePauseTest {
    static final TestDemo paused = TestDemo.echo();
    static final TestDemo running = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(paused, running);
    static final Http http = api.http();

    @Test
    void aPausedDemosJobWaitsWhileOthersRunAndRunsOnceResumed() {
        Response pause = http.post("/api/v1/demos/" + paused.name() + "/pause");
        assertEquals(200, pause.status(), pause::toString);
        assertTrue(pause.json().get("paused").asBoolean());
        String waiting = submit(paused);
        String other = submit(running);
        assertTrue(isPaused(http.get("/api/v1/demos").json().get("demos"), paused.name()));
        assertFalse(isPaused(http.get("/api/v1/demos").json().get("demos"), running.name()));
        assertTrue(isPaused(http.get("/monitor").json().get("demos"), paused.name()));

        TestWorker worker = new TestWorker(api.redis().client(), "pause-worker");
        assertEquals(List.of(), worker.claimAll(paused.name()), "a paused queue hands nothing out");
        assertEquals(other, worker.claim(running.name()).id().toString(), "another demo's queue runs on");
        assertEquals("queued", state(waiting));

        Response resume = http.post("/api/v1/demos/" + paused.name() + "/resume");
        assertEquals(200, resume.status(), resume::toString);
        assertFalse(resume.json().get("paused").asBoolean());
        assertFalse(isPaused(http.get("/monitor/" + paused.name()).json().get("demos"), paused.name()));
        Job job = worker.claim(paused.name());
        assertEquals(waiting, job.id().toString());
        worker.complete(job, "{}", List.of());
        assertEquals("succeeded", state(waiting));
    }

    @Test
    void pausingAnUnknownDemoIs404() {
        for (String action : List.of("pause", "resume")) {
            Response r = http.post("/api/v1/demos/nosuch/" + action);
            assertEquals(404, r.status(), action);
            assertEquals("unknown_demo", r.errorCode());
        }
    }

    private static String submit(TestDemo demo) {
        Response r = http.postJson("/api/v1/demos/" + demo.name() + "/jobs", "{}");
        assertEquals(202, r.status(), r::toString);
        return r.json().get("id").asText();
    }

    private static String state(String id) {
        return http.get("/api/v1/jobs/" + id).json().get("state").asText();
    }

    /** The {@code paused} flag of the named demo in a list of demos, as /api/v1/demos and /monitor give them. */
    private static boolean isPaused(JsonNode demos, String name) {
        JsonNode demo = StreamSupport.stream(demos.spliterator(), false)
                .filter(d -> (d.has("name") ? d.get("name") : d.get("demo")).asText().equals(name)).findFirst().orElseThrow();
        return demo.get("paused").asBoolean();
    }
}
