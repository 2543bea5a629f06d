package dev.ferry.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.queue.WorkerRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Jobs survive their worker: killed workers' jobs are reclaimed, stopping workers hand theirs back. */
class WorkerRecoveryTest {
    /** A worker is dead after 1 s without a heartbeat, so recovery takes about a second. */
    private static final Object[] FAST_DEATH = {"FERRY_WORKER_DEAD_AFTER_S", 1};
    @RegisterExtension
    static final WorkerFixture fx = new WorkerFixture();
    private final Semaphore started = new Semaphore(0);

    /** Each run says it started, then sleeps {@code millis} (or until interrupted). */
    private TestDemo startsThenSleeps(long millis) {
        return new TestDemo(fx.demo, (ctx, run) -> {
            started.release();
            Thread.sleep(millis);
            return null;
        });
    }

    /** The first run blocks until interrupted, later runs write their output and succeed. */
    private TestDemo blocksOnFirstRun() {
        return new TestDemo(fx.demo, (ctx, run) -> {
            started.release();
            if (run == 1) {
                Thread.sleep(60_000);
            }
            writeOutput(ctx, run);
            return null;
        });
    }

    @Test
    void aKilledWorkersJobIsFinishedByAnotherWorker() throws Exception {
        TestDemo demo = blocksOnFirstRun();
        Worker first = fx.start(demo, FAST_DEATH);
        JobId id = fx.submit();
        assertTrue(started.tryAcquire(5, TimeUnit.SECONDS));
        fx.kill(first);
        assertEquals(JobState.RUNNING, fx.job(id).state(), "a killed worker records nothing");

        fx.start(demo, FAST_DEATH);
        Job done = fx.await(id, JobState.SUCCEEDED);
        assertEquals(2, done.attempts());
        assertEquals(2, demo.runs());
        assertEquals("run 2", Files.readString(fx.data.outputsDir(id).resolve("out.txt")));
        assertEquals(1, done.files().size());
        assertTrue(new WorkerRegistry(fx.redis.scripts()).all().stream().noneMatch(w -> w.info().id().equals(first.id())),
                "the dead worker was forgotten");
    }

    @Test
    void gracefulCloseHandsAnUnfinishedJobBack() throws Exception {
        Worker first = fx.start(blocksOnFirstRun(), "FERRY_SHUTDOWN_GRACE_S", 1);
        JobId id = fx.submit();
        assertTrue(started.tryAcquire(5, TimeUnit.SECONDS));

        fx.close(first);
        Job handedBack = fx.job(id);
        assertEquals(JobState.QUEUED, handedBack.state());
        assertEquals(0, handedBack.attempts(), "the interrupted attempt is not counted");
        assertTrue(new WorkerRegistry(fx.redis.scripts()).all().stream().noneMatch(w -> w.info().id().equals(first.id())),
                "a closed worker leaves the registry");

        TestDemo secondDemo = new TestDemo(fx.demo, (ctx, run) -> {
            writeOutput(ctx, run);
            return null;
        });
        fx.start(secondDemo);
        Job done = fx.await(id, JobState.SUCCEEDED);
        assertEquals(1, done.attempts());
        assertEquals(1, secondDemo.runs());
    }

    @Test
    void gracefulCloseHandsBackEvenAJobWhoseDemoIgnoresInterrupts() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        TestDemo stubborn = new TestDemo(fx.demo, (ctx, run) -> {
            started.release();
            while (!release.get()) {
                Thread.onSpinWait(); // neither checks the token nor blocks interruptibly
            }
            return null;
        });
        Worker worker = fx.start(stubborn, "FERRY_SHUTDOWN_GRACE_S", 0);
        JobId id = fx.submit();
        assertTrue(started.tryAcquire(5, TimeUnit.SECONDS));
        try {
            fx.close(worker);
            Job handedBack = fx.job(id);
            assertEquals(JobState.QUEUED, handedBack.state());
            assertEquals(0, handedBack.attempts());
        } finally {
            release.set(true);
        }
    }

    @Test
    void gracefulCloseLetsARunningJobFinishWithinTheGrace() throws Exception {
        TestDemo demo = startsThenSleeps(300);
        Worker worker = fx.start(demo, "FERRY_SHUTDOWN_GRACE_S", 10);
        JobId id = fx.submit();
        assertTrue(started.tryAcquire(5, TimeUnit.SECONDS));

        fx.close(worker);
        assertEquals(JobState.SUCCEEDED, fx.job(id).state(), "close waited for the job");
    }

    @Test
    void aJobDuringWhichWorkersKeepDyingFailsAsPoison() throws Exception {
        TestDemo alwaysBlocks = startsThenSleeps(60_000);
        JobId id = fx.submit(Priority.NORMAL, 10, 600_000, Map.of());
        for (int death = 1; death <= 3; death++) {
            Worker worker = fx.start(alwaysBlocks, FAST_DEATH);
            assertTrue(started.tryAcquire(10, TimeUnit.SECONDS), "run " + death + " started");
            fx.kill(worker);
        }
        fx.start(alwaysBlocks, FAST_DEATH);

        Job failed = fx.await(id, JobState.FAILED);
        assertEquals("poison", failed.error().orElseThrow().code());
        assertEquals(3, alwaysBlocks.runs());
        assertEquals(3, failed.attempts());
    }

    @Test
    void aKilledWorkersLastAttemptFailsAndLeavesNoOutputsBehind() throws Exception {
        TestDemo reclaimer = new TestDemo(fx.demo, (ctx, run) -> null);
        JobId id = fx.submit(Priority.NORMAL, 1, 600_000, Map.of());
        Worker first = fx.start(new TestDemo(fx.demo, (ctx, run) -> {
            writeOutput(ctx, run);
            started.release();
            Thread.sleep(60_000);
            return null;
        }), FAST_DEATH);
        assertTrue(started.tryAcquire(5, TimeUnit.SECONDS));
        fx.kill(first);

        fx.start(reclaimer, FAST_DEATH);
        assertEquals("worker_lost", fx.await(id, JobState.FAILED).error().orElseThrow().code());
        Awaitility.await("the partial outputs deleted").atMost(Duration.ofSeconds(30))
                .until(() -> !Files.exists(fx.data.outputsDir(id)));
        assertEquals(0, reclaimer.runs(), "the last attempt is not run again");
    }

    private static void writeOutput(DemoContext ctx, int run) throws java.io.IOException {
        Files.writeString(ctx.outputDir().resolve("out.txt"), "run " + run);
    }
}
