package dev.ferry.core.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * What one attempt got back.
 *
 * @param hopeless no later attempt could deliver it (the URL is gone, the format unknown)
 */
record SendResult(Optional<Integer> statusCode, long durationMs, Optional<String> error, Optional<Duration> retryAfter,
                  boolean hopeless) {
    static final int GONE = 410;

    static SendResult notSent(String why) {
        return new SendResult(Optional.empty(), 0, Optional.of("not sent: " + why), Optional.empty(), true);
    }

    boolean delivered() {
        return error.isEmpty();
    }

    /** The receiver said the URL is gone for good. */
    boolean gone() {
        return statusCode.filter(code -> code == GONE).isPresent();
    }

    boolean retryable() {
        return !delivered() && !hopeless && !gone();
    }
}
