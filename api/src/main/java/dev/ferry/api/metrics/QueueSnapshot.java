package dev.ferry.api.metrics;

import dev.ferry.core.queue.DemoStats;
import dev.ferry.core.queue.QueueMonitor;
import dev.ferry.core.queue.WorkerRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The queue figures behind the Redis-backed meters, read in one go and reused for a few
 * seconds, so a scrape costs one pipelined read per demo rather than one call per meter.
 */
final class QueueSnapshot {
    static final Duration MAX_AGE = Duration.ofSeconds(5);
    private final Collection<String> demos;
    private final QueueMonitor monitor;
    private final WorkerRegistry workers;
    private final Duration deadAfter;
    private volatile Map<String, DemoStats> stats = Map.of();
    private volatile long liveWorkers;
    private long readAtNanos;
    private boolean read;

    QueueSnapshot(Collection<String> demos, QueueMonitor monitor, WorkerRegistry workers, Duration deadAfter) {
        this.demos = demos;
        this.monitor = monitor;
        this.workers = workers;
        this.deadAfter = deadAfter;
    }

    /** Reads Redis again when the figures are older than {@link #MAX_AGE}; a failure keeps the old figures. */
    synchronized void refreshIfStale() {
        long now = System.nanoTime();
        if (read && now - readAtNanos < MAX_AGE.toNanos()) {
            return;
        }
        Map<String, DemoStats> fresh = new LinkedHashMap<>();
        for (String demo : demos) {
            fresh.put(demo, monitor.stats(demo));
        }
        long live = workers.all().stream().filter(w -> w.heartbeatAgeMs() < deadAfter.toMillis()).count();
        stats = Map.copyOf(fresh);
        liveWorkers = live;
        readAtNanos = now;
        read = true;
    }

    double queued(String demo) {
        DemoStats s = stats.get(demo);
        return s == null ? 0 : s.queued();
    }

    double running(String demo) {
        DemoStats s = stats.get(demo);
        return s == null ? 0 : s.running();
    }

    double finished(String demo, String state) {
        DemoStats s = stats.get(demo);
        if (s == null) {
            return 0;
        }
        return switch (state) {
            case "succeeded" -> s.succeededTotal();
            case "failed" -> s.failedTotal();
            default -> s.cancelledTotal();
        };
    }

    double liveWorkers() {
        return liveWorkers;
    }
}
