package dev.ferry.api.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.EventStream;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.Http.Response;
import dev.ferry.api.support.ServerResources;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.QueueKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.client.codec.StringCodec;

/**
 * 1,000 clients following 1,000 jobs over Server-Sent Events at once: each is served, other
 * clients too, and once the streams end (half by their job finishing, half by the client
 * leaving) the server holds no subscription, thread or heap for them.
 */
class ManyEventStreamsTest {
    private static final int STREAMS = 1_000;
    static final TestDemo echo = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(echo);
    static final Http http = api.http();

    @Test
    void aThousandEventStreamsAtOnceAreServedAndReleasedWhenTheyEnd() {
        try (EventStream warmUp = follow(submit())) {
            assertEquals("state", warmUp.next().orElseThrow().name());
        }
        ServerResources before = ServerResources.measure();

        List<JobId> jobs = new ArrayList<>();
        List<EventStream> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            JobId job = submit();
            jobs.add(job);
            streams.add(follow(job));
        }
        for (EventStream stream : streams) {
            assertEquals(200, stream.status());
            assertEquals("queued", stream.next().orElseThrow().json().get("state").asText());
        }
        Response other = http.get("/api/v1/jobs/" + jobs.get(0));
        assertEquals(200, other.status(), other::toString);

        for (int i = 1; i < STREAMS; i += 2) {
            streams.get(i).close();
        }
        // Every job then finishes: the streams still read end, the server learns of the others' leaving as it writes to them.
        TestWorker worker = new TestWorker(api.redis().client(), "many-streams");
        for (int i = 0; i < STREAMS; i++) {
            worker.complete(worker.claim(echo.name()), "{}", List.of());
        }
        Awaitility.await("no subscription left to a job's events").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> jobs.stream().mapToLong(ManyEventStreamsTest::subscribers).sum() == 0);
        streams.forEach(EventStream::close);
        ServerResources.awaitBackTo(before);
    }

    private static JobId submit() {
        return JobId.parse(http.postJson("/api/v1/demos/" + echo.name() + "/jobs", "{}").json().get("id").asText()).orElseThrow();
    }

    private static EventStream follow(JobId id) {
        return new EventStream(http.raw(http.request("/api/v1/jobs/" + id + "/events").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines()));
    }

    private static long subscribers(JobId id) {
        return api.redis().client().getTopic(new QueueKeys(id.demo()).events(id), StringCodec.INSTANCE).countSubscribers();
    }
}
