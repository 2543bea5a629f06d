package dev.ferry.core.queue;

import dev.ferry.core.job.JobId;
import dev.ferry.core.job.Priority;
import dev.ferry.core.webhook.Webhook;
import java.util.Map;
import java.util.Optional;

/** What a submit records: the job's identity and options, its inputs already in the data folder. */
public record NewJob(
        JobId id,
        Map<String, Object> params,
        Priority priority,
        int maxAttempts,
        long timeLimitMs,
        Optional<IdempotencyKey> idempotencyKey,
        Optional<Webhook> webhook) {

    /** A job without a webhook. */
    public NewJob(JobId id, Map<String, Object> params, Priority priority, int maxAttempts, long timeLimitMs,
            Optional<IdempotencyKey> idempotencyKey) {
        this(id, params, priority, maxAttempts, timeLimitMs, idempotencyKey, Optional.empty());
    }
}
