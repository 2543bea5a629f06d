package dev.ferry.worker.health;

import dev.ferry.worker.run.RunningJob;
import dev.ferry.worker.run.RunningJobs;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Finds a hung worker: the heartbeat has its own thread, so a claim loop or a job thread
 * stuck for good would otherwise keep its jobs claimed forever. Hung means the claim loop
 * has not ticked for the hang bound beyond the longest it waits for work when idle (each
 * round takes at most a few seconds, even while Redis is down), or a job is still inside its demo the hang bound past its time limit
 * (its thread was told to stop and interrupted long ago). Reads no clock of its own, so a
 * check is a pure function of the time it is given.
 */
public final class Watchdog {
    private final Pulse claimLoop;
    private final RunningJobs running;
    private final long hangAfterNanos;
    private final long claimLoopBoundNanos;
    private final BooleanSupplier stopping;

    /** @param claimLoopIdle how long an idle claim loop sleeps between ticks: silence that long is no hang */
    public Watchdog(Pulse claimLoop, Duration claimLoopIdle, RunningJobs running, Duration hangAfter, BooleanSupplier stopping) {
        this.claimLoop = claimLoop;
        this.running = running;
        this.hangAfterNanos = hangAfter.toNanos();
        this.claimLoopBoundNanos = hangAfter.plus(claimLoopIdle).toNanos();
        this.stopping = stopping;
    }

    /** Why the worker is hung at {@code nowNanos}, or empty while it is not (nor when it is stopping: the drain has its own bound). */
    public Optional<String> check(long nowNanos) {
        if (stopping.getAsBoolean()) {
            return Optional.empty();
        }
        long silent = claimLoop.silentNanos(nowNanos);
        if (silent > claimLoopBoundNanos) {
            return Optional.of("the claim loop has made no progress for " + silent / 1_000_000 + " ms");
        }
        for (RunningJob job : running.all()) {
            if (job.isStuck(nowNanos, hangAfterNanos)) {
                return Optional.of("job " + job.job().id() + " is still running " + hangAfterNanos / 1_000_000
                        + " ms past its time limit of " + job.job().timeLimitMs() + " ms and ignores interrupts");
            }
        }
        return Optional.empty();
    }
}
