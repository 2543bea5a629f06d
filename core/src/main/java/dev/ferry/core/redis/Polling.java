package dev.ferry.core.redis;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a process outside the JVM, which gives no event to wait on, by asking it again and again. */
final class Polling {
    private static final long INTERVAL_MS = 50;

    private Polling() {}

    /** Whether {@code condition} became true within {@code max}; false also when interrupted (the interrupt is kept). */
    static boolean until(BooleanSupplier condition, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
