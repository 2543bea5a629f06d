package dev.ferry.api.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.json.Json;
import dev.ferry.core.webhook.Webhook;
import dev.ferry.core.webhook.WebhookEvent;
import dev.ferry.core.webhook.WebhookFormat;

/** Ferry's own webhook body: the job as GET /api/v1/jobs/{id} shows it, plus {@code event} and {@code sequence}. */
public final class FerryWebhookFormat implements WebhookFormat {
    @Override
    public String name() {
        return Webhook.DEFAULT_FORMAT;
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public byte[] body(WebhookEvent event) {
        ObjectNode body = Json.MAPPER.valueToTree(JobView.of(event.job()));
        body.put("event", event.kind().wireName());
        body.put("sequence", event.sequence());
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
