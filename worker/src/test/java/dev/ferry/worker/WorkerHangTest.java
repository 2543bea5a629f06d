package dev.ferry.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.testkit.FreePort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job thread stuck for good while the heartbeat thread lives: the watchdog finds it, the
 * worker stops heartbeating and says so on its health endpoint, and another worker
 * reclaims the job.
 */
class WorkerHangTest {
    @RegisterExtension
    static final WorkerFixture fx = new WorkerFixture();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseStuckThreads() {
        release.countDown();
    }

    /** The first run ignores every interrupt until the test ends, as a stuck native call would; later runs succeed. */
    private TestDemo ignoresInterruptsOnFirstRun() {
        return new TestDemo(fx.demo, (ctx, run) -> {
            while (run == 1 && release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // a demo stuck in native code never sees it
                }
            }
            return null;
        });
    }

    @Test
    void aJobThreadStuckPastItsTimeLimitHaltsTheWorkerAndAnotherWorkerFinishesTheJob() throws Exception {
        TestDemo demo = ignoresInterruptsOnFirstRun();
        int port = FreePort.next();
        Worker hung = fx.start(demo, "FERRY_WORKER_DEAD_AFTER_S", 2, "FERRY_WORKER_HANG_AFTER_S", 1, "FERRY_WORKER_HEALTH_PORT", port);
        AtomicBoolean exited = new AtomicBoolean();
        hung.whenHung(() -> exited.set(true));
        Awaitility.await("worker ready").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> status(port, "/ready") == 200);
        assertEquals(200, status(port, "/live"));

        JobId id = fx.submit(Priority.NORMAL, 3, 500, Map.of());
        Awaitility.await("the watchdog to find the worker hung").atMost(Duration.ofSeconds(60)).untilTrue(exited);
        assertEquals(503, status(port, "/live"));
        assertEquals(503, status(port, "/ready"));
        assertTrue(body(port, "/live").contains("job " + id), "the reason names the stuck job");

        fx.start(demo, "FERRY_WORKER_DEAD_AFTER_S", 2, "FERRY_WORKER_HANG_AFTER_S", 1);
        Job done = fx.await(id, JobState.SUCCEEDED, Duration.ofSeconds(60));
        assertEquals(2, done.attempts(), "the stuck attempt, then the one on the other worker");
        assertEquals(2, demo.runs());
    }

    private static int status(int port, String path) throws Exception {
        return get(port, path).statusCode();
    }

    private static String body(int port, String path) throws Exception {
        return get(port, path).body();
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
