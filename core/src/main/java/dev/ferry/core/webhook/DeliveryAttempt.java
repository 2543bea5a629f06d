package dev.ferry.core.webhook;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt to deliver one event, as the job's delivery log keeps it.
 *
 * @param statusCode the receiver's answer; empty when none came (refused address, timeout, connection error)
 * @param error      why the attempt did not deliver; empty when it did
 */
public record DeliveryAttempt(
        String deliveryId,
        EventKind event,
        long sequence,
        int attempt,
        Instant at,
        Optional<Integer> statusCode,
        long durationMs,
        Optional<String> error) {}
