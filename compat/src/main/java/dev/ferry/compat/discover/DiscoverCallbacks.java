package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobState;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.webhook.WebhookEvent;
import dev.ferry.core.webhook.WebhookFormat;

/**
 * The bodies discover posts to a job's {@code notify_url} (app/shared/utils/logging.py,
 * {@code notifying}): always {@code event}, {@code tracking_id}, {@code experiment_id}; then
 * STARTED alone; PROGRESS; SUCCESS with {@code "success": true, "output": <the task's output>};
 * ERROR with {@code "error": <reason>, "completed": true}. A cancelled job ends with ERROR too,
 * which discover never sent. Ferry's webhook events (started, progress, completed) name the
 * event; the job's state tells how a completed one ended.
 *
 * <p>Only the body is built here: delivery (retries, address guard, signatures) is the webhook
 * engine's, which asks for it under the format name {@link #FORMAT}. A body asked for before
 * the start route has recorded the job's experiment fails, and the engine's retry sends it.
 */
public final class DiscoverCallbacks implements WebhookFormat {
    /** The format name a job's webhook carries to get these bodies. */
    public static final String FORMAT = "discover";
    private final DataFolder data;
    private final DiscoverOutput outputs;

    public DiscoverCallbacks(DataFolder data) {
        this.data = data;
        this.outputs = new DiscoverOutput(data);
    }

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public byte[] body(WebhookEvent event) {
        return body(event.kind().wireName(), event.job());
    }

    /**
     * @param event the webhook event: {@code started}, {@code progress} or {@code completed}
     * @throws IllegalArgumentException for another event, or a job not started through discover's routes
     */
    public byte[] body(String event, Job job) {
        DiscoverRecord record = DiscoverRecord.load(data, job.id())
                .orElseThrow(() -> new IllegalArgumentException("job " + job.id() + " was not started through discover's routes"));
        String discoverEvent = discoverEvent(event, job.state());
        ObjectNode body = Json.MAPPER.createObjectNode().put("event", discoverEvent)
                .put("tracking_id", TrackingId.of(job.id())).put("experiment_id", record.experimentId());
        switch (discoverEvent) {
            case "SUCCESS" -> body.put("success", true).set("output", outputs.of(job, record));
            case "ERROR" -> body.put("error", reason(job)).put("completed", true);
            case "PROGRESS" -> progress(body, job);
            default -> { }
        }
        return Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String discoverEvent(String event, JobState state) {
        return switch (event) {
            case "started" -> "STARTED";
            case "progress" -> "PROGRESS";
            case "completed" -> state == JobState.SUCCEEDED ? "SUCCESS" : "ERROR";
            default -> throw new IllegalArgumentException("no discover event for webhook event '" + event + "'");
        };
    }

    private static void progress(ObjectNode body, Job job) {
        if (!job.progress().message().isEmpty()) {
            body.put("message", job.progress().message());
        }
    }

    private static String reason(Job job) {
        if (job.state() == JobState.CANCELLED) {
            return "the job was cancelled";
        }
        return job.error().map(e -> e.code() + ": " + e.message()).orElse("the job failed");
    }
}
