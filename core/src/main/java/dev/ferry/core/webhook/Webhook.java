package dev.ferry.core.webhook;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Where a job's events are sent, which of them, in which body format ({@link WebhookFormat};
 * {@code ferry} unless a compatibility protocol chose another), and the API key that submitted
 * the job — as its {@link ApiKeyId}, never the key — whose own secret signs them. Stored with
 * the job as JSON.
 */
public record Webhook(URI url, List<EventKind> events, String format, Optional<String> keyId) {
    public static final String DEFAULT_FORMAT = "ferry";

    public Webhook {
        events = List.copyOf(events);
        keyId = keyId == null ? Optional.empty() : keyId;
    }

    /** A webhook of a job submitted without an API key (keys are off): the installation's secrets sign it. */
    public Webhook(URI url, List<EventKind> events, String format) {
        this(url, events, format, Optional.empty());
    }
}
