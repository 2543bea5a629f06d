package dev.ferry.core.config;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are signed and retried.
 *
 * @param secrets      {@code whsec_} secrets that all sign every delivery, so a receiver can rotate; empty: Ferry's own,
 *                     generated in the data folder
 * @param retryDelays  the waits before each retry after the first attempt; past the last one a delivery is given up
 */
public record WebhookSettings(List<String> secrets, List<Duration> retryDelays) {
    /** The documented schedule: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 24 h later. */
    public static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(24));

    /** Secrets are never printed. */
    @Override
    public String toString() {
        return "WebhookSettings[secrets=" + secrets.size() + " configured, retryDelays=" + retryDelays + "]";
    }
}
