package dev.ferry.core.webhook;

import java.util.concurrent.atomic.AtomicLong;

/** What this process's dispatcher did with its attempts, for the metrics. */
public final class WebhookStats {
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    void delivered() {
        delivered.incrementAndGet();
    }

    /** Given up: the schedule ran out, or the URL is gone. */
    void failed() {
        failed.incrementAndGet();
    }

    /** Failed this time; another attempt is scheduled. */
    void retried() {
        retried.incrementAndGet();
    }

    public long deliveredCount() {
        return delivered.get();
    }

    public long failedCount() {
        return failed.get();
    }

    public long retriedCount() {
        return retried.get();
    }
}
