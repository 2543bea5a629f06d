package dev.ferry.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cancelled jobs never start or stop within 2 s; jobs past their time limit fail with {@code timeout}. */
class WorkerCancelTest {
    private static final Duration CANCEL_WITHIN = Duration.ofSeconds(2);
    @RegisterExtension
    static final WorkerFixture fx = new WorkerFixture();
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicReference<Throwable> stoppedBy = new AtomicReference<>();

    @Test
    void aCancelledQueuedJobNeverStarts() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> null);
        JobId cancelled = fx.submit();
        assertEquals(JobState.CANCELLED, fx.submissions.cancel(cancelled));

        fx.start(demo);
        JobId next = fx.submit();
        fx.await(next, JobState.SUCCEEDED);
        assertEquals(1, demo.runs(), "only the job that was not cancelled ran");
        Job job = fx.job(cancelled);
        assertEquals(JobState.CANCELLED, job.state());
        assertEquals(0, job.attempts());
    }

    @Test
    void aRunningJobThatReportsProgressStopsAtItsNextReport() throws Exception {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            try {
                for (long i = 0; ; i++) {
                    ctx.progress(i, 1_000_000, "step " + i);
                    started.countDown();
                    Thread.sleep(5);
                }
            } catch (JobCancelledException | InterruptedException e) {
                stoppedBy.set(e);
                throw e;
            }
        });
        fx.start(demo);
        JobId id = fx.submit();
        assertTrue(started.await(5, TimeUnit.SECONDS));

        assertEquals(JobState.RUNNING, fx.submissions.cancel(id));
        Job job = fx.await(id, JobState.CANCELLED, CANCEL_WITHIN);
        assertEquals("cancelled", job.error().orElseThrow().code());
        assertTrue(stoppedBy.get() instanceof JobCancelledException, "stopped cooperatively, not by an interrupt: " + stoppedBy.get());
    }

    @Test
    void aRunningJobBlockedInSleepIsInterrupted() throws Exception {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                stoppedBy.set(e);
                throw e;
            }
            return null;
        });
        fx.start(demo);
        JobId id = fx.submit();
        assertTrue(started.await(5, TimeUnit.SECONDS));

        assertEquals(JobState.RUNNING, fx.submissions.cancel(id));
        fx.await(id, JobState.CANCELLED, CANCEL_WITHIN);
        assertTrue(stoppedBy.get() instanceof InterruptedException, String.valueOf(stoppedBy.get()));
        assertEquals(1, demo.runs());
    }

    @Test
    void aJobPastItsTimeLimitFailsWithTimeout() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            Thread.sleep(60_000);
            return null;
        });
        fx.start(demo);
        JobId id = fx.submit(Priority.NORMAL, 3, 300, Map.of());

        Job failed = fx.await(id, JobState.FAILED, Duration.ofSeconds(5));
        assertEquals("timeout", failed.error().orElseThrow().code());
        assertEquals("exceeded its time limit of 0.3 s", failed.error().orElseThrow().message());
        assertEquals(1, failed.attempts(), "a timeout is not retried");
        assertEquals(1, demo.runs());
    }

    @Test
    void aDemoThatChecksIsCancelledSeesTheTimeLimit() {
        TestDemo demo = new TestDemo(fx.demo, (ctx, run) -> {
            while (!ctx.isCancelled()) {
                Thread.onSpinWait();
            }
            stoppedBy.set(new JobCancelledException("saw it"));
            ctx.checkCancelled();
            return null;
        });
        fx.start(demo);
        JobId id = fx.submit(Priority.NORMAL, 3, 200, Map.of());

        Job failed = fx.await(id, JobState.FAILED, Duration.ofSeconds(5));
        assertEquals("timeout", failed.error().orElseThrow().code());
        assertFalse(stoppedBy.get() == null, "the demo saw isCancelled() turn true");
    }

    /** Writes a partial output, then waits to be stopped. */
    private TestDemo writesThenWaits() {
        return new TestDemo(fx.demo, (ctx, run) -> {
            Files.writeString(ctx.outputDir().resolve("overlay-1.png"), "partial");
            started.countDown();
            while (true) {
                ctx.progress(1, 2, "waiting to be stopped");
                Thread.sleep(5);
            }
        });
    }

    @Test
    void aCancelledJobLeavesNoOutputsBehind() throws Exception {
        fx.start(writesThenWaits());
        JobId id = fx.submit();
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertTrue(Files.exists(fx.data.outputsDir(id).resolve("overlay-1.png")));

        assertEquals(JobState.RUNNING, fx.submissions.cancel(id));
        assertEquals("cancelled", fx.awaitJobJson(id).get("state").asText());
        assertEquals(0, fx.job(id).files().size());
        assertFalse(Files.exists(fx.data.outputsDir(id)), "no file is kept that the job does not list");
    }

    @Test
    void aTimedOutJobLeavesNoOutputsBehind() throws Exception {
        fx.start(writesThenWaits());
        JobId id = fx.submit(Priority.NORMAL, 3, 300, Map.of());
        assertTrue(started.await(5, TimeUnit.SECONDS));

        assertEquals("timeout", fx.awaitJobJson(id).get("error").get("code").asText());
        assertFalse(Files.exists(fx.data.outputsDir(id)), "no file is kept that the job does not list");
    }
}
