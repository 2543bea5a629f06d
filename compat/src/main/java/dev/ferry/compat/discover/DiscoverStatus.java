package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.job.Job;
import dev.ferry.core.json.Json;

/**
 * The {@code log} of discover's status answer (app/shared/routes.py, {@code status}; the
 * running state from app/shared/utils/logging.py, {@code JobLogger.get_state}):
 * {@code {"status": "PENDING", "infos": [...]}} before a worker takes the job;
 * {@code {"status": "PROGRESS", "id", "progress": [{"current", "total", "context"}], "infos"}}
 * while it runs; the task's output once it succeeded, as discover's result store holds it; and
 * {@code {"status": "ERROR", "infos": ["Error: ..."]}} when it failed or was cancelled.
 */
final class DiscoverStatus {
    private final DiscoverOutput outputs;

    DiscoverStatus(DiscoverOutput outputs) {
        this.outputs = outputs;
    }

    JsonNode log(Job job, DiscoverRecord record) {
        return switch (job.state()) {
            case QUEUED -> pending();
            case RUNNING -> progress(job);
            case SUCCEEDED -> outputs.of(job, record);
            case FAILED -> error(job.error().map(e -> e.code() + " (" + e.message() + ")").orElse("the job failed"));
            case CANCELLED -> error("cancelled (the job was cancelled)");
        };
    }

    private static ObjectNode pending() {
        ObjectNode log = Json.MAPPER.createObjectNode().put("status", "PENDING");
        log.putArray("infos").add("Task still running");
        return log;
    }

    private static ObjectNode progress(Job job) {
        ObjectNode log = Json.MAPPER.createObjectNode().put("status", "PROGRESS").put("id", TrackingId.of(job.id()));
        if (job.progress().total() > 0) {
            log.putArray("progress").addObject().put("current", job.progress().current()).put("total", job.progress().total())
                    .put("context", job.progress().message());
        }
        if (!job.progress().message().isEmpty()) {
            log.putArray("infos").add(job.progress().message());
        }
        return log;
    }

    private static ObjectNode error(String reason) {
        ObjectNode log = Json.MAPPER.createObjectNode().put("status", "ERROR");
        log.putArray("infos").add("Error: " + reason);
        return log;
    }
}
