package dev.ferry.api.jobs;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.EventStream.Event;
import dev.ferry.api.support.EventStream;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestServer;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.QueueKeys;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.client.codec.StringCodec;

@Timeout(30)
class JobEventsTest {
    static final TestDemo echo = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(echo);
    static final Http http = api.http();
    static TestWorker worker;

    @BeforeAll
    static void startWorker() {
        worker = new TestWorker(api.redis().client(), "sse-worker");
    }

    private static JobId submit() {
        return JobId.parse(http.postJson("/api/v1/demos/" + echo.name() + "/jobs", "{}").json().get("id").asText()).orElseThrow();
    }

    private static EventStream follow(JobId id, String... headers) {
        HttpRequest.Builder request = http.request("/api/v1/jobs/" + id + "/events").header("Accept", "text/event-stream");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new EventStream(http.raw(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
    }

    private static Event next(EventStream events) {
        return events.next().orElseThrow(() -> new AssertionError("the stream ended early"));
    }

    private static long subscribers(JobId id) {
        return api.redis().client().getTopic(new QueueKeys(id.demo()).events(id), StringCodec.INSTANCE).countSubscribers();
    }

    @Test
    void followsAJobFromQueuedToSucceededThenEnds() {
        JobId id = submit();
        try (EventStream events = follow(id)) {
            assertEquals(200, events.status());
            Event queued = next(events);
            assertEquals("state", queued.name());
            assertEquals("queued", queued.json().get("state").asText());
            assertEquals(id.toString(), queued.json().get("id").asText());

            Job job = worker.claim(echo.name());
            Event running = next(events);
            assertEquals("state", running.name());
            assertEquals("running", running.json().get("state").asText());
            assertTrue(running.version() > queued.version());

            worker.progress(job, 1, 3, "first third");
            Event first = next(events);
            assertEquals("progress", first.name());
            assertEquals(1, first.json().get("progress").get("current").asInt());
            assertEquals("first third", first.json().get("progress").get("message").asText());

            worker.progress(job, 2, 3, "two thirds");
            Event second = next(events);
            assertEquals("progress", second.name());
            assertEquals(2, second.json().get("progress").get("current").asInt());

            worker.complete(job, "{\"done\":true}", List.of());
            Event done = next(events);
            assertEquals("state", done.name());
            assertEquals("succeeded", done.json().get("state").asText());
            assertTrue(done.json().get("result").get("done").asBoolean());

            assertEquals(Optional.empty(), events.next(), "the stream ends after the final state");
        }
        await("the job's channel is released").atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> subscribers(id) == 0);
    }

    @Test
    void lastEventIdResumesAfterWhatWasSeen() {
        JobId id = submit();
        Job job = worker.claim(echo.name());
        worker.progress(job, 1, 2, "half");
        long seen = currentVersion(id);
        worker.complete(job, "{}", List.of());
        long last = currentVersion(id);
        assertTrue(last > seen);

        try (EventStream events = follow(id, "Last-Event-ID", Long.toString(seen))) {
            Event finalState = next(events);
            assertEquals(last, finalState.version(), "only what came after the given id");
            assertEquals("state", finalState.name());
            assertEquals("succeeded", finalState.json().get("state").asText());
            assertEquals(Optional.empty(), events.next());
        }
        try (EventStream events = follow(id, "Last-Event-ID", Long.toString(last))) {
            assertEquals(Optional.empty(), events.next(), "a finished job already seen closes at once");
        }
    }

    @Test
    void aClientThatLeavesReleasesTheChannel() {
        JobId id = submit();
        Job job = worker.claim(echo.name());
        EventStream events = follow(id);
        next(events);
        await("the stream subscribed").atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> subscribers(id) == 1);
        events.close();
        long[] step = {0};
        // The server notices a gone client when a write fails; progress gives it writes to try.
        await("the channel is released").atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> {
            worker.progress(job, ++step[0], 1000, "tick");
            return subscribers(id) == 0;
        });
    }

    @Test
    void closingTheServerEndsOpenStreams() {
        TestDemo demo = TestDemo.echo();
        TestServer own = api.start(List.of(demo));
        String id = own.http().postJson("/api/v1/demos/" + demo.name() + "/jobs", "{}").json().get("id").asText();
        HttpRequest request = own.http().request("/api/v1/jobs/" + id + "/events").header("Accept", "text/event-stream").GET().build();
        try (EventStream events = new EventStream(own.http().raw(request, HttpResponse.BodyHandlers.ofLines()))) {
            assertEquals("queued", next(events).json().get("state").asText());
            own.close();
            assertEquals(Optional.empty(), events.next());
        }
    }

    @Test
    void unknownJobIs404() {
        Response unknown = http.get("/api/v1/jobs/" + JobId.generate(echo.name(), System.currentTimeMillis()) + "/events",
                "Accept", "text/event-stream");
        assertEquals(404, unknown.status());
        assertEquals("job_not_found", unknown.errorCode());
    }

    /** What curl (any type), a browser (a list with qualities) and a plain client (no header) send all get the stream. */
    @Test
    void everyAcceptThatAllowsTheStreamGetsIt() {
        JobId id = finished();
        for (List<String> accept : List.of(List.<String>of(), List.of("*/*"), List.of("text/*"), List.of("text/event-stream"),
                List.of("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                List.of("application/json, text/event-stream;q=0.1"), List.of("application/json", "text/event-stream"))) {
            try (EventStream events = follow(id, accept)) {
                assertEquals(200, events.status(), accept::toString);
                assertEquals("succeeded", next(events).json().get("state").asText(), accept::toString);
            }
        }
    }

    @Test
    void anAcceptThatRulesTheStreamOutIs406() {
        JobId id = finished();
        for (String accept : List.of("application/json", "text/event-stream;q=0", "text/html", "*/*, text/*;q=0")) {
            Response r = http.get("/api/v1/jobs/" + id + "/events", "Accept", accept);
            assertEquals(406, r.status(), accept);
            assertEquals("not_acceptable", r.errorCode(), accept);
        }
    }

    /** A job no longer queued, so that other tests' claims never take it. */
    private static JobId finished() {
        JobId id = submit();
        Job job = worker.claim(echo.name());
        assertEquals(id, job.id());
        worker.complete(job, "{}", List.of());
        return id;
    }

    private static EventStream follow(JobId id, List<String> accept) {
        HttpRequest.Builder request = http.request("/api/v1/jobs/" + id + "/events");
        accept.forEach(value -> request.header("Accept", value));
        return new EventStream(http.raw(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
    }

    private static long currentVersion(JobId id) {
        try (EventStream events = follow(id)) {
            return next(events).version();
        }
    }
}
