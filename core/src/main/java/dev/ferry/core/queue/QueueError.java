package dev.ferry.core.queue;

import java.util.Arrays;
import java.util.Optional;

/** The error codes the queue scripts return, mapped to exceptions in {@link RedisScripts}. */
public enum QueueError {
    /** The demo already has as many queued jobs as allowed. */
    QUEUE_FULL,
    /** The idempotency key was first used with a different request (its fingerprint differs). */
    IDEMPOTENCY_CONFLICT,
    /** No job with that id. */
    NOT_FOUND,
    /** The job is no longer running on the calling worker: it was reclaimed or finished. */
    NOT_OWNER,
    /** The job is not a dead letter, so an operator may neither retry nor delete it. */
    NOT_DEAD_LETTER;

    static Optional<QueueError> fromReply(String message) {
        if (message == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(e -> message.startsWith(e.name())).findFirst();
    }
}
