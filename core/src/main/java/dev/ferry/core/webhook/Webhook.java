package dev.ferry.core.webhook;

import java.net.URI;
import java.util.List;

/**
 * Where a job's events are sent, which of them, and in which body format ({@link WebhookFormat};
 * {@code ferry} unless a compatibility protocol chose another). Stored with the job as JSON.
 */
public record Webhook(URI url, List<EventKind> events, String format) {
    public static final String DEFAULT_FORMAT = "ferry";

    public Webhook {
        events = List.copyOf(events);
    }
}
