package dev.ferry.core.queue;

import dev.ferry.core.job.JobId;
import dev.ferry.core.job.Priority;
import java.util.Map;
import java.util.Optional;

/** What a submit records: the job's identity and options, its inputs already in the data folder. */
public record NewJob(
        JobId id,
        Map<String, Object> params,
        Priority priority,
        int maxAttempts,
        long timeLimitMs,
        Optional<IdempotencyKey> idempotencyKey) {}
