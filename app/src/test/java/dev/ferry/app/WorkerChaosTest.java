package dev.ferry.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.bench.faults.ChaosReport;
import dev.ferry.app.bench.faults.JobHistory;
import dev.ferry.app.bench.faults.WorkerChaos;
import dev.ferry.app.bench.faults.WorkerProcesses;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.NewJob;
import dev.ferry.core.queue.QueueKeys;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.Submissions;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.core.queue.WorkerRegistry;
import dev.ferry.testkit.RedisForTests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.client.codec.StringCodec;

/**
 * Real `ferry worker` processes killed with SIGKILL while they drain jobs. What is asserted
 * comes from the job records (attempts, the deaths reclaim counted, the attempt that
 * succeeded), never from how long anything took.
 */
class WorkerChaosTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();

    @TempDir
    Path dir;

    @AfterEach
    void emptyRedis() {
        redis.client().getKeys().flushall();
    }

    @Test
    void everyJobSucceedsOnceWhileWorkersAreKilledAtRandom() throws Exception {
        // 90 jobs of 300 ms on three one-slot workers are at least 9 s of work, so kills every 2 s land mid-run.
        WorkerChaos.Plan plan = new WorkerChaos.Plan(90, 300, 10, 3, 1, Duration.ofSeconds(2), 2, 1_000, 1_000, Duration.ofMinutes(4));
        ChaosReport report = new WorkerChaos(redis.client(), redis.url(), dir, plan).run();

        assertTrue(report.kills() >= 1, "workers were killed while jobs ran");
        assertEquals(90, report.succeeded(), () -> "not succeeded: " + report.jobs().stream().filter(j -> j.state() != JobState.SUCCEEDED).toList());
        assertEquals(0, report.ranTwice(), () -> "runs nobody accounts for: " + report.jobs().stream().filter(JobHistory::ranTwice).toList());
        assertTrue(report.deaths() <= report.kills(), "each kill of a one-slot worker strands at most one job");
        for (JobHistory job : report.jobs()) {
            assertTrue(job.attempts() <= job.maxAttempts(), job::toString);
            if (job.failTimes() == 1 && job.deaths() == 0) {
                assertEquals(2, job.attempts(), () -> "retried once after its failure: " + job);
            }
        }
    }

    @Test
    void aJobWhoseEveryWorkerIsKilledFailsAsAPoisonPill() throws Exception {
        WorkQueue.ensureGroups(redis.client(), "noop");
        JobId id = JobId.generate("noop", System.currentTimeMillis());
        new Submissions(redis.scripts(), 100, Duration.ofMinutes(5)).submit(new NewJob(id,
                Map.of("sleep_ms", 600_000, "fail_times", 0, "echo", ""), Priority.NORMAL, 10, 3_600_000, Optional.empty()));
        JobReader reader = new JobReader(redis.client());
        WorkerRegistry registry = new WorkerRegistry(new RedisScripts(redis.client()));
        try (WorkerProcesses workers = new WorkerProcesses(Map.of("FERRY_HOME", dir.toString(), "FERRY_DATA",
                dir.resolve("data").toString(), "REDIS_URL", redis.url(), "FERRY_DEMOS", "noop", "FERRY_WORKER_DEAD_AFTER_S", "2",
                "FERRY_POISON_AFTER", "3"), dir)) {
            for (int death = 1; death <= 3; death++) {
                Process worker = workers.start();
                int attempt = death;
                await("attempt " + attempt + " to run").atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() ->
                        reader.get(id).filter(j -> j.state() == JobState.RUNNING && j.attempts() == attempt).isPresent()
                                && registry.all().stream().anyMatch(w -> w.info().pid() == worker.pid()
                                        && w.info().runningJobs().contains(id.toString())));
                workers.kill(worker);
            }
            workers.start(); // the one that finds the third death and reclaims
            Job failed = await("the job to fail").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> reader.get(id).orElseThrow(), j -> j.state() == JobState.FAILED);
            assertEquals("poison", failed.error().orElseThrow().code());
            assertEquals(3, failed.attempts());
            assertEquals("3", redis.client().getMap(new QueueKeys("noop").job(id), StringCodec.INSTANCE).get("deaths"));
        }
    }
}
