package dev.ferry.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.NewJob;
import dev.ferry.core.queue.Submissions;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.testkit.RedisForTests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Real `ferry worker` processes, killed the hard way and the polite way. */
class WorkerProcessTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();

    @TempDir
    Path home;

    private final List<Process> processes = new ArrayList<>();
    private Submissions submissions;
    private JobReader reader;

    @BeforeEach
    void queue() {
        WorkQueue.ensureGroups(redis.client(), "noop");
        submissions = new Submissions(redis.scripts(), 100, Duration.ofMinutes(5));
        reader = new JobReader(redis.client());
    }

    /** Each test starts from an empty Redis: a job one test hands back must not be the next test's worker's first claim. */
    @AfterEach
    void killAllAndForgetTheirJobs() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly().waitFor();
        }
        redis.client().getKeys().flushall();
    }

    @Test
    void killedWorkersJobIsFinishedByAnother() throws Exception {
        JobId id = submitNoop(4000);
        Process first = startWorker();
        await("job to start on the first worker").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> state(id) == JobState.RUNNING);
        first.destroyForcibly().waitFor();   // SIGKILL: no hand-back, no goodbye

        startWorker();
        Job done = await("job to succeed on the second worker").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> reader.get(id).filter(j -> j.state() == JobState.SUCCEEDED), Optional::isPresent).orElseThrow();
        // No bound on how soon: a second JVM starting on a loaded 2-core machine takes what it
        // takes, and a wall-clock limit here failed CI runs. The dead-worker window is core's
        // tests' business (they drive the clock of the reclaim, not a process start).
        assertEquals(2, done.attempts(), "the second worker ran it again after the first died");
    }

    @Test
    void sigtermHandsTheUnfinishedJobBack() throws Exception {
        JobId id = submitNoop(30_000);
        Process first = startWorker();
        await("job to start").atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> state(id) == JobState.RUNNING);
        first.destroy();                     // SIGTERM: graceful
        assertTrue(first.waitFor(20, java.util.concurrent.TimeUnit.SECONDS), "worker exits after its grace period");
        Job back = reader.get(id).orElseThrow();
        assertEquals(JobState.QUEUED, back.state());
        assertEquals(0, back.attempts());
    }

    private JobState state(JobId id) {
        return reader.get(id).map(Job::state).orElse(null);
    }

    private JobId submitNoop(long sleepMs) {
        JobId id = JobId.generate("noop", System.currentTimeMillis());
        submissions.submit(new NewJob(id, Map.of("sleep_ms", sleepMs, "fail_times", 0, "echo", ""), Priority.NORMAL, 3, 600_000,
                Optional.empty()));
        return id;
    }

    private Process startWorker() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "worker")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("worker-" + processes.size() + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("FERRY_HOME", home.toString());
        env.put("FERRY_DATA", home.resolve("data").toString());
        env.put("REDIS_URL", redis.url());
        env.put("FERRY_DEMOS", "noop");
        env.put("FERRY_WORKER_DEAD_AFTER_S", "2");
        env.put("FERRY_SHUTDOWN_GRACE_S", "1");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

}
