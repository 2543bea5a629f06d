package dev.ferry.core.config;

import java.time.Duration;

/** Limits and timings of the job queue. */
public record QueueSettings(
        Duration workerDeadAfter,
        int maxQueued,
        Duration retention,
        Duration maxTimeLimit,
        Duration retryBase,
        Duration retryMax,
        int poisonAfter) {

    /** Heartbeats go out six times per dead-after period, so one lost beat never looks like death. */
    public Duration heartbeatInterval() {
        return workerDeadAfter.dividedBy(6);
    }
}
