package dev.ferry.worker.health;

/** The last sign of progress of one loop: the loop ticks it each round, the watchdog reads it. */
public final class Pulse {
    private volatile long lastTickNanos = System.nanoTime();

    public void tick() {
        lastTickNanos = System.nanoTime();
    }

    /** How long, at {@code nowNanos} ({@link System#nanoTime()}), since the last tick. */
    public long silentNanos(long nowNanos) {
        return nowNanos - lastTickNanos;
    }
}
