package dev.ferry.core.webhook;

import java.util.Map;

/**
 * A delivery a dispatcher took from the outbox: its event, where it sits in the demo's webhook
 * stream, and how many attempts it has had before this one.
 *
 * @param fields the stream entry as the transition script wrote it, kept to be replayed later
 */
public record PendingDelivery(String demo, String entryId, int attemptsMade, Map<String, String> fields, WebhookEvent event) {}
