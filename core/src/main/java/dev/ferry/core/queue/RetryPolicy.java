package dev.ferry.core.queue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the wait before attempt n+1 is uniform in
 * [0, min(max, base * 2^(n-1))], so retries of jobs that failed together spread out.
 */
public record RetryPolicy(Duration base, Duration max) {

    public Duration delayAfter(int attempt) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(30, Math.max(0, attempt - 1)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}
