package dev.ferry.api.metrics;

import dev.ferry.core.queue.QueueMonitor;
import dev.ferry.core.queue.WorkerRegistry;
import dev.ferry.core.webhook.WebhookStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The API's meters. Submits are counted as they happen; finished jobs, queue depth, running
 * jobs and live workers are read from Redis, where every API and worker process adds to them.
 */
public final class FerryMeters implements AutoCloseable {
    private static final List<String> FINAL_STATES = List.of("succeeded", "failed", "cancelled");
    private final PrometheusMeterRegistry registry;
    private final QueueSnapshot snapshot;
    private final Map<String, Counter> submitted = new ConcurrentHashMap<>();
    private final List<Meter> registered = new ArrayList<>();

    public FerryMeters(PrometheusMeterRegistry registry, Collection<String> demos, QueueMonitor monitor, WorkerRegistry workers,
            Duration deadAfter) {
        this.registry = registry;
        this.snapshot = new QueueSnapshot(List.copyOf(demos), monitor, workers, deadAfter);
        for (String demo : demos) {
            submitted.put(demo, keep(Counter.builder("ferry.jobs.submitted").description("Jobs accepted by this API")
                    .tag("demo", demo).register(registry)));
            keep(Gauge.builder("ferry.queue.depth", snapshot, s -> s.queued(demo)).description("Jobs waiting")
                    .tag("demo", demo).strongReference(true).register(registry));
            keep(Gauge.builder("ferry.jobs.running", snapshot, s -> s.running(demo)).description("Jobs running")
                    .tag("demo", demo).strongReference(true).register(registry));
            for (String state : FINAL_STATES) {
                keep(FunctionCounter.builder("ferry.jobs.finished", snapshot, s -> s.finished(demo, state))
                        .description("Jobs finished, by final state").tags("demo", demo, "state", state).register(registry));
            }
        }
        keep(Gauge.builder("ferry.workers.live", snapshot, QueueSnapshot::liveWorkers).description("Workers with a recent heartbeat")
                .strongReference(true).register(registry));
    }

    /**
     * {@code ferry_webhook_deliveries_total{result}}: this process's attempts, delivered, retried or given up
     * (failed); {@code ferry_webhook_pending}: events not yet delivered or given up, over every process.
     */
    public void webhooks(WebhookStats stats, LongSupplier pending) {
        keep(FunctionCounter.builder("ferry.webhook.deliveries", stats, WebhookStats::deliveredCount)
                .description("Webhook delivery attempts, by result").tag("result", "delivered").register(registry));
        keep(FunctionCounter.builder("ferry.webhook.deliveries", stats, WebhookStats::failedCount)
                .description("Webhook delivery attempts, by result").tag("result", "failed").register(registry));
        keep(FunctionCounter.builder("ferry.webhook.deliveries", stats, WebhookStats::retriedCount)
                .description("Webhook delivery attempts, by result").tag("result", "retried").register(registry));
        keep(Gauge.builder("ferry.webhook.pending", pending, LongSupplier::getAsLong)
                .description("Webhook events not yet delivered or given up").strongReference(true).register(registry));
    }

    public void submitted(String demo) {
        Counter counter = submitted.get(demo);
        if (counter != null) {
            counter.increment();
        }
    }

    /** Brings the Redis-backed figures up to date; called before each scrape. */
    public void refresh() {
        snapshot.refreshIfStale();
    }

    public String scrape() {
        return registry.scrape();
    }

    private <M extends Meter> M keep(M meter) {
        registered.add(meter);
        return meter;
    }

    /** Removes this API's meters, so a registry that outlives the server does not report stale figures. */
    @Override
    public void close() {
        registered.forEach(registry::remove);
    }
}
