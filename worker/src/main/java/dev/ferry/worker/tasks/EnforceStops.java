package dev.ferry.worker.tasks;

import dev.ferry.worker.run.RunningJob;
import dev.ferry.worker.run.RunningJobs;
import dev.ferry.worker.run.StopReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Makes stops happen: sets the token of a job past its time limit, and interrupts the
 * thread of a job that was told to stop {@link #GRACE_NANOS} ago and is still inside its
 * demo (blocked in a sleep, I/O or a library call that never checks the token). Repeats
 * the interrupt while the demo keeps going. Touches no Redis, so it runs on its own timer.
 */
public final class EnforceStops implements Runnable {
    static final long GRACE_NANOS = 1_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(EnforceStops.class);
    private final RunningJobs running;

    public EnforceStops(RunningJobs running) {
        this.running = running;
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        for (RunningJob job : running.all()) {
            MDC.put("job", job.job().id().toString());
            try {
                if (job.isOverdue(now) && job.token().stop(StopReason.TIMEOUT)) {
                    LOG.warn("time limit of {} ms passed; stopping the job", job.job().timeLimitMs());
                }
                if (job.token().isStopped() && now - job.token().stoppedAtNanos() >= GRACE_NANOS
                        && job.interruptDemo(GRACE_NANOS)) {
                    LOG.warn("the demo did not stop within 1 s of being told to; interrupting its thread");
                }
            } finally {
                MDC.remove("job");
            }
        }
    }
}
