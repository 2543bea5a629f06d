package dev.ferry.core.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: the first attempt is at once, then after each delay
 * of the schedule in turn, each stretched or shrunk by up to a tenth at random so that the
 * retries of many deliveries that failed together do not arrive together. A receiver's
 * {@code Retry-After} can only make a wait longer. Past the last delay the delivery is given up.
 */
public final class RetrySchedule {
    private static final double JITTER = 0.1;
    private final List<Duration> delays;
    private final RandomGenerator random;

    public RetrySchedule(List<Duration> delays, RandomGenerator random) {
        this.delays = List.copyOf(delays);
        this.random = random;
    }

    /** @param attemptsMade attempts so far, the failed one included */
    public Optional<Duration> next(int attemptsMade, Optional<Duration> retryAfter) {
        if (attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration planned = delays.get(attemptsMade - 1);
        Duration jittered = Duration.ofMillis(Math.round(planned.toMillis() * (1 - JITTER + 2 * JITTER * random.nextDouble())));
        return Optional.of(retryAfter.filter(wait -> wait.compareTo(jittered) > 0).orElse(jittered));
    }
}
