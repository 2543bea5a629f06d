package dev.ferry.core.queue;

import dev.ferry.core.config.ReplicaWait;
import org.redisson.client.RedisTimeoutException;

/**
 * Fewer replicas than configured confirmed a write within the wait: it is on the master only and
 * is not acknowledged. A timeout of Redis to its callers, so the API answers it as Redis being
 * unavailable, and a client retries (with its Idempotency-Key, the retry finds the first job).
 */
public final class ReplicationTimeoutException extends RedisTimeoutException {
    public ReplicationTimeoutException(int confirmed, ReplicaWait wait) {
        super(confirmed + " of " + wait.replicas() + " Redis replicas confirmed the write within " + wait.timeout().toMillis()
                + " ms (FERRY_REDIS_WAIT_REPLICAS)");
    }
}
