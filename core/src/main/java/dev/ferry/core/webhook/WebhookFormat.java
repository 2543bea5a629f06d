package dev.ferry.core.webhook;

import java.util.Map;

/**
 * The body of a delivery: Ferry's own, or a compatibility protocol's. A job's webhook names
 * its format; the dispatcher is built with the formats it knows.
 */
public interface WebhookFormat {
    /** The name a job's webhook gives as {@code format}. */
    String name();

    String contentType();

    byte[] body(WebhookEvent event);

    /**
     * Headers a protocol's receivers read beside the body (DSAC's {@code STATUS}, for one), sent
     * with every attempt; they cannot replace Ferry's own ({@code Content-Type}, {@code webhook-*}).
     */
    default Map<String, String> headers(WebhookEvent event) {
        return Map.of();
    }
}
