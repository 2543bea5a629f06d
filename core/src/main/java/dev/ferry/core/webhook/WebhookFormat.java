package dev.ferry.core.webhook;

/**
 * The body of a delivery: Ferry's own, or a compatibility protocol's. A job's webhook names
 * its format; the dispatcher is built with the formats it knows.
 */
public interface WebhookFormat {
    /** The name a job's webhook gives as {@code format}. */
    String name();

    String contentType();

    byte[] body(WebhookEvent event);
}
