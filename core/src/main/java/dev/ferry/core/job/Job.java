package dev.ferry.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.webhook.Webhook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A job as the queue records it. {@code worker} is the id of the worker that claimed its
 * current or last attempt (empty while it waits for its first): with {@code attempts} it says
 * who ran a job to success and how many runs that took.
 */
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
        Optional<Webhook> webhook,
        Optional<String> worker) {

    public String demo() {
        return id.demo();
    }
}
