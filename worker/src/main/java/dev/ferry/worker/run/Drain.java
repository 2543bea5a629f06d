package dev.ferry.worker.run;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The end of a graceful stop: running jobs get the shutdown grace to finish; the rest are
 * told to stop and interrupted, and hand themselves back to the queue. A job whose demo
 * ignores interrupts is handed back from here, so no job stays claimed by a worker that
 * is gone (its late outcome is then refused as not ours).
 */
public final class Drain {
    /** How long stopped jobs get to end before they are handed back regardless. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(Drain.class);
    private final RunningJobs running;
    private final OutcomeReporter reporter;

    public Drain(RunningJobs running, OutcomeReporter reporter) {
        this.running = running;
        this.reporter = reporter;
    }

    /** Returns false when some job may still be claimed by this worker in the queue. */
    public boolean drain(Duration grace) throws InterruptedException {
        if (running.awaitEmpty(grace)) {
            return true;
        }
        LOG.info("shutdown grace of {} s is over; stopping {} jobs", grace.toSeconds(), running.size());
        for (RunningJob job : running.all()) {
            job.token().stop(StopReason.SHUTDOWN);
            job.interruptDemo();
        }
        if (running.awaitEmpty(STOP_WAIT)) {
            return true;
        }
        boolean all = true;
        for (RunningJob job : running.all()) {
            if (job.settle()) {
                all &= handBack(job);
            }
        }
        return all;
    }

    private boolean handBack(RunningJob job) {
        MDC.put(JobRunner.MDC_KEY, job.job().id().toString());
        try {
            LOG.warn("the demo ignores interrupts; handing the job back while it still runs");
            reporter.release(job.job());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not hand the job back: {}", e.toString());
            return false;
        } finally {
            MDC.remove(JobRunner.MDC_KEY);
        }
    }
}
