package dev.ferry.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.webhook.Webhook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A job as the queue records it. */
public record Job(
        JobId id,
        JobState state,
        Map<String, Object> params,
        Priority priority,
        int attempts,
        int maxAttempts,
        long timeLimitMs,
        Progress progress,
        Instant createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<JobError> error,
        Optional<JsonNode> result,
        List<JobFile> files,
        long version,
        Optional<Webhook> webhook) {

    public String demo() {
        return id.demo();
    }
}
