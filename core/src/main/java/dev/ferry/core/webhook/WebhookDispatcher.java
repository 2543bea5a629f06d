package dev.ferry.core.webhook;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.net.AddressGuard;
import dev.ferry.core.queue.WebhookOutbox;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the webhook events of the served demos, on a thread of its own in an API process,
 * so no worker ever waits on a receiver. Every API process runs one; they share the events
 * through a consumer group, and an event a dispatcher took and never settled (it died) goes
 * to another once its lease is over. Deliveries go one at a time, so a job's events leave in
 * the order its transitions recorded them.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** Longer than an attempt can take (the 10 s timeout, twice: connect and answer). */
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    private static final int BATCH = 16;
    private final WebhookOutbox outbox;
    private final List<String> demos;
    private final WebhookCourier courier;
    private final String id = "dispatcher-" + UUID.randomUUID();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("ferry-webhooks"));
    private volatile boolean running = true;

    private WebhookDispatcher(WebhookOutbox outbox, List<String> demos, WebhookCourier courier) {
        this.outbox = outbox;
        this.demos = List.copyOf(demos);
        this.courier = courier;
    }

    public static WebhookDispatcher start(WebhookOutbox outbox, List<String> demos, WebhookFormats formats, AddressGuard guard,
            WebhookSigner signer, RetrySchedule schedule, WebhookStats stats) {
        WebhookCourier courier = new WebhookCourier(outbox, formats, new WebhookSender(guard, signer), schedule, stats);
        WebhookDispatcher dispatcher = new WebhookDispatcher(outbox, demos, courier);
        dispatcher.thread.execute(dispatcher::run);
        return dispatcher;
    }

    private void run() {
        while (running) {
            try {
                if (round() == 0) {
                    Thread.sleep(IDLE_POLL.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warn("webhook dispatch failed; trying again", e);
                    sleepQuietly();
                }
            }
        }
    }

    /** One pass over the demos; returns how many deliveries were attempted. */
    private int round() {
        int attempted = 0;
        for (String demo : demos) {
            for (PendingDelivery delivery : outbox.take(demo, id, BATCH, LEASE)) {
                if (running) {
                    courier.attempt(delivery);
                    attempted++;
                } else {
                    // Handed back at once, rather than left to wait out its lease.
                    outbox.retryLater(delivery, delivery.attemptsMade(), Duration.ZERO);
                }
            }
        }
        return attempted;
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(IDLE_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the attempt in flight; what it had not settled is taken by a dispatcher after the lease. */
    @Override
    public void close() {
        running = false;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(WebhookSender.TIMEOUT.toSeconds() + 1, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
