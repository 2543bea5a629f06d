package dev.ferry.core.queue;

/**
 * A submit's {@code Idempotency-Key} and the fingerprint of the request it came with: a later
 * submit with the same key replays the first job only when its fingerprint is the same too.
 */
public record IdempotencyKey(String key, String fingerprint) {
    public IdempotencyKey {
        if (fingerprint.isEmpty() || fingerprint.contains(" ")) {
            throw new IllegalArgumentException("a fingerprint is a non-empty word, got '" + fingerprint + "'");
        }
    }
}
