package dev.ferry.worker.run;

import dev.ferry.core.job.Job;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A job this worker is running: its token, its clock, the thread inside the demo, and a
 * once-only right to record the outcome (the runner and a stopping worker may race for it).
 */
public final class RunningJob {
    private final Job job;
    private final CancelToken token = new CancelToken();
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean settled = new AtomicBoolean();
    private final Object demoLock = new Object();
    private Thread demoThread;
    private int interrupts;
    private long lastInterruptNanos;

    public RunningJob(Job job) {
        this.job = job;
    }

    public Job job() {
        return job;
    }

    public CancelToken token() {
        return token;
    }

    public long startedNanos() {
        return startedNanos;
    }

    /** Past this {@link System#nanoTime()} the job has run out of time; never when it has no limit. */
    public boolean isOverdue(long nowNanos) {
        return job.timeLimitMs() > 0 && nowNanos - startedNanos > job.timeLimitMs() * 1_000_000L;
    }

    /**
     * Whether the job's thread is still inside its demo {@code graceNanos} past its time limit,
     * long after it was told to stop and interrupted: a thread that will not end.
     */
    public boolean isStuck(long nowNanos, long graceNanos) {
        synchronized (demoLock) {
            return demoThread != null && isOverdue(nowNanos - graceNanos);
        }
    }

    /** Claims the right to record this job's outcome; true for exactly one caller. */
    public boolean settle() {
        return settled.compareAndSet(false, true);
    }

    void enterDemo(Thread thread) {
        synchronized (demoLock) {
            demoThread = thread;
        }
    }

    /** After this no interrupt reaches the thread, so the queue calls that follow are not cut short. */
    void leaveDemo() {
        synchronized (demoLock) {
            demoThread = null;
        }
    }

    /** Interrupts the demo's thread if it is still inside the demo; returns whether it did. */
    public boolean interruptDemo() {
        synchronized (demoLock) {
            return interruptNow();
        }
    }

    /** Like {@link #interruptDemo()}, unless the last interrupt was less than {@code minGapNanos} ago. */
    public boolean interruptDemo(long minGapNanos) {
        synchronized (demoLock) {
            if (interrupts > 0 && System.nanoTime() - lastInterruptNanos < minGapNanos) {
                return false;
            }
            return interruptNow();
        }
    }

    private boolean interruptNow() {
        if (demoThread == null) {
            return false;
        }
        interrupts++;
        lastInterruptNanos = System.nanoTime();
        demoThread.interrupt();
        return true;
    }
}
