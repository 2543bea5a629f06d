package dev.ferry.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.http.ApiException;
import dev.ferry.core.net.AddressGuard;
import dev.ferry.core.webhook.EventKind;
import dev.ferry.core.webhook.Webhook;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a job's {@code webhook}: {@code {"url": "https://...", "events": ["started", "progress", "completed"]}}.
 * The URL is held to the address guard now, as it will be at each delivery; without {@code events}
 * every event is sent. {@code format} is reserved for the compatibility protocols.
 */
public final class WebhookRequests {
    private static final Set<String> FIELDS = Set.of("url", "events", "format");
    private final AddressGuard guard;
    private final Set<String> formats;

    /** @param formats the names of the body formats the dispatcher knows */
    public WebhookRequests(AddressGuard guard, Set<String> formats) {
        this.guard = guard;
        this.formats = Set.copyOf(formats);
    }

    /** @param keyId the {@link dev.ferry.core.webhook.ApiKeyId} of the key that submits the job, whose secret will sign */
    Optional<Webhook> check(Optional<JsonNode> webhook, Optional<String> keyId) {
        return webhook.map(node -> check(node, keyId));
    }

    private Webhook check(JsonNode node, Optional<String> keyId) {
        if (!node.isObject()) {
            throw ApiException.invalidParam("webhook", "webhook must be an object: {\"url\": \"https://...\", \"events\": [...]}");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiException.invalidParam("webhook." + name, "unknown field '" + name + "'; a webhook takes url and events");
            }
        });
        return new Webhook(url(node.get("url")), events(node.get("events")), format(node.get("format")), keyId);
    }

    private URI url(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw ApiException.invalidParam("webhook.url", "webhook.url must be an http or https URL");
        }
        URI url;
        try {
            url = new URI(node.asText());
        } catch (URISyntaxException e) {
            throw ApiException.invalidParam("webhook.url", "webhook.url is not a URL: " + e.getMessage());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw ApiException.invalidParam("webhook.url", "webhook.url must be an http or https URL with a host, got '" + url + "'");
        }
        guard(url);
        return url;
    }

    private void guard(URI url) {
        try {
            guard.refusal(url).ifPresent(reason -> {
                throw ApiException.invalidParam("webhook.url", "webhook.url " + reason);
            });
        } catch (UnknownHostException e) {
            throw ApiException.invalidParam("webhook.url", "webhook.url: cannot resolve " + url.getHost());
        }
    }

    private static List<EventKind> events(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of(EventKind.values());
        }
        if (!node.isArray() || node.isEmpty()) {
            throw ApiException.invalidParam("webhook.events", "webhook.events must be a non-empty list of " + known());
        }
        List<EventKind> events = new ArrayList<>();
        for (JsonNode item : node) {
            EventKind kind = EventKind.parse(item.asText()).orElseThrow(() -> ApiException.invalidParam("webhook.events",
                    "unknown webhook event '" + item.asText() + "'; the events are " + known()));
            if (!events.contains(kind)) {
                events.add(kind);
            }
        }
        return events;
    }

    private String format(JsonNode node) {
        if (node == null || node.isNull()) {
            return Webhook.DEFAULT_FORMAT;
        }
        if (!formats.contains(node.asText())) {
            throw ApiException.invalidParam("webhook.format", "unknown webhook format '" + node.asText() + "'");
        }
        return node.asText();
    }

    private static String known() {
        return String.join(", ", Arrays.stream(EventKind.values()).map(EventKind::wireName).toList());
    }
}
