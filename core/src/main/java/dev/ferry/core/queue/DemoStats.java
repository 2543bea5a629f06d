package dev.ferry.core.queue;

/** Queue figures of one demo, as {@code /monitor} shows them. */
public record DemoStats(
        String demo,
        long queued,
        long running,
        long succeededLastHour,
        long failedLastHour,
        long deadLetters,
        long oldestQueuedAgeMs,
        long submittedTotal,
        long succeededTotal,
        long failedTotal,
        long cancelledTotal,
        boolean paused) {}
