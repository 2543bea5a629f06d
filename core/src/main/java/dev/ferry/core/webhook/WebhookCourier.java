package dev.ferry.core.webhook;

import dev.ferry.core.queue.WebhookOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one attempt at one delivery and records it: in the job's delivery log, in the
 * outbox (settled, or due again per the {@link RetrySchedule}), and in the stats. A 410 Gone
 * stops every later delivery to that URL.
 */
final class WebhookCourier {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookCourier.class);
    private final WebhookOutbox outbox;
    private final WebhookFormats formats;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final WebhookStats stats;

    WebhookCourier(WebhookOutbox outbox, WebhookFormats formats, WebhookSender sender, RetrySchedule schedule, WebhookStats stats) {
        this.outbox = outbox;
        this.formats = formats;
        this.sender = sender;
        this.schedule = schedule;
        this.stats = stats;
    }

    void attempt(PendingDelivery delivery) {
        WebhookEvent event = delivery.event();
        Optional<Webhook> webhook = event.job().webhook();
        if (webhook.isEmpty()) {
            outbox.settle(delivery, delivery.attemptsMade());
            return;
        }
        int attempt = delivery.attemptsMade() + 1;
        Instant at = Instant.now();
        SendResult result = send(webhook.get(), event);
        record(delivery, webhook.get(), attempt, result);
        // Logged once recorded, so whoever reads the log sees the attempt's consequences in place (a replay finds the event).
        outbox.log(event.job().id(), new DeliveryAttempt(event.id(), event.kind(), event.sequence(), attempt, at,
                result.statusCode(), result.durationMs(), result.error()));
    }

    private void record(PendingDelivery delivery, Webhook webhook, int attempt, SendResult result) {
        WebhookEvent event = delivery.event();
        if (result.delivered()) {
            stats.delivered();
            settle(delivery, attempt);
            return;
        }
        if (result.gone()) {
            outbox.markGone(webhook.url());
        }
        Optional<Duration> wait = result.retryable() ? schedule.next(attempt, result.retryAfter()) : Optional.empty();
        if (wait.isPresent()) {
            stats.retried();
            outbox.retryLater(delivery, attempt, wait.get());
        } else {
            stats.failed();
            LOG.warn("webhook {} of job {} given up after {} attempt(s): {}", event.kind().wireName(), event.job().id(), attempt,
                    result.error().orElse(""));
            settle(delivery, attempt);
        }
    }

    private SendResult send(Webhook webhook, WebhookEvent event) {
        if (outbox.isGone(webhook.url())) {
            return SendResult.notSent("this URL answered 410 Gone earlier");
        }
        Optional<WebhookFormat> format = formats.find(webhook.format());
        if (format.isEmpty()) {
            return SendResult.notSent("unknown webhook format " + webhook.format());
        }
        return sender.send(webhook.url(), event.id(), format.get().contentType(), format.get().body(event),
                format.get().headers(event), webhook.keyId());
    }

    private void settle(PendingDelivery delivery, int attempts) {
        outbox.keepForReplay(delivery);
        outbox.settle(delivery, attempts);
    }
}
