package dev.ferry.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.bench.faults.WorkerProcesses;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.NewJob;
import dev.ferry.core.queue.Submissions;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.testkit.FreePort;
import dev.ferry.testkit.RedisForTests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real `ferry worker` process whose job thread hangs for good while its heartbeat thread
 * lives: its watchdog has it exit with status 70, and another worker runs the job.
 */
class WorkerHangProcessTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @AfterEach
    void emptyRedis() {
        redis.client().getKeys().flushall();
    }

    @Test
    void aWorkerWithAHungJobExitsWith70AndAnotherWorkerRunsTheJob() throws Exception {
        int port = FreePort.next();
        try (WorkerProcesses workers = workers(port)) {
            Process hung = workers.start();
            await("the worker to be ready").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> status(port, "/ready") == 200);
            assertEquals(200, status(port, "/live"));

            WorkQueue.ensureGroups(redis.client(), "hang");
            JobId id = JobId.generate("hang", System.currentTimeMillis());
            new Submissions(redis.scripts(), 100, Duration.ofMinutes(5)).submit(new NewJob(id, Map.of("hang_attempts", 1), Priority.NORMAL,
                    3, 1_000, Optional.empty()));

            assertTrue(hung.waitFor(120, TimeUnit.SECONDS), "the hung worker exits by itself");
            assertEquals(70, hung.exitValue());

            workers.start(); // the same health port: the hung one has let it go
            JobReader reader = new JobReader(redis.client());
            Job done = await("the job to succeed on the other worker").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> reader.get(id).orElseThrow(), j -> j.state() == JobState.SUCCEEDED);
            assertEquals(2, done.attempts(), "the hung attempt, then the one that ran");
        }
    }

    private static int status(int port, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** `ferry worker` processes that also find the test-only {@code hang} demo, with a health endpoint on {@code healthPort}. */
    private WorkerProcesses workers(int healthPort) throws Exception {
        Path demo = home.resolve("hang-demo");
        Path services = Files.createDirectories(demo.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.ferry.demos.DemoFactory"), HangingDemoFactory.class.getName() + "\n");
        return new WorkerProcesses(Map.of("FERRY_HOME", home.toString(), "FERRY_DATA", home.resolve("data").toString(),
                "REDIS_URL", redis.url(), "FERRY_DEMOS", "hang", "FERRY_WORKER_DEAD_AFTER_S", "2", "FERRY_WORKER_HANG_AFTER_S", "1",
                "FERRY_WORKER_HEALTH_PORT", String.valueOf(healthPort)), home, List.of(demo));
    }
}
