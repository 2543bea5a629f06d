package dev.ferry.compat.dsac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.webhook.WebhookEvent;
import dev.ferry.core.webhook.WebhookFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The post to RETURN_URL (http_post_app.py): multipart field {@code file}, named
 * {@code <TAG>.json}, holding the transcript, and headers {@code USER-ID}, {@code JOB-ID},
 * {@code STATUS}. A failed job is posted too, {@code STATUS: FAILED} with the reason in
 * {@code REASON} and as the file's {@code error}. DSAC also sent the caller's X_API_KEY (as
 * {@code X-API-KEY}) and its S3 path; Ferry sends neither.
 *
 * <p>Delivery is the webhook dispatcher's: each attempt builds the whole body again, so a
 * retry re-sends the whole file, on the dispatcher's schedule. A body asked for before the
 * submit has recorded the job's DSAC headers fails, and the dispatcher tries it again.
 */
final class DsacDelivery implements WebhookFormat {
    static final String FORMAT = "dsac";
    /** One per process; the transcript's JSON never holds a random UUID, so it never holds the boundary. */
    private final String boundary = "ferry-dsac-" + UUID.randomUUID();
    private final DataFolder data;

    DsacDelivery(DataFolder data) {
        this.data = data;
    }

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    @Override
    public byte[] body(WebhookEvent event) {
        DsacRecord record = record(event);
        DsacOutcome outcome = DsacOutcome.of(event.job(), data);
        JsonNode file = outcome.transcript()
                .orElseGet(() -> Json.MAPPER.createObjectNode().put("error", outcome.reason().orElse("")));
        return filePart(record.tag() + ".json", Json.writeBytes(file));
    }

    @Override
    public Map<String, String> headers(WebhookEvent event) {
        DsacRecord record = record(event);
        DsacOutcome outcome = DsacOutcome.of(event.job(), data);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("USER-ID", record.userId());
        headers.put("JOB-ID", record.jobId());
        headers.put("STATUS", outcome.status());
        outcome.reason().ifPresent(reason -> headers.put("REASON", headerSafe(reason)));
        return headers;
    }

    private DsacRecord record(WebhookEvent event) {
        return DsacRecord.load(data, event.job().id()).orElseThrow(() -> new IllegalArgumentException(
                "job " + event.job().id() + " was not started through DSAC's route"));
    }

    private byte[] filePart(String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A header holds one line of visible ASCII; the file holds the reason as it is. */
    static String headerSafe(String text) {
        String line = text.replaceAll("[^\\x20-\\x7E]", " ").strip();
        return line.length() > 500 ? line.substring(0, 500) : line;
    }
}
