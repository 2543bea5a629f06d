package dev.ferry.worker.claim;

/**
 * Wakes the idle claim loop: rung when jobs are queued (pub/sub), when a job slot frees up,
 * and when the worker stops. A ring while nobody waits is kept, so none is lost.
 */
public final class Doorbell {
    private boolean rung;

    public synchronized void ring() {
        rung = true;
        notifyAll();
    }

    /** Waits for a ring or for {@code timeoutMs}, whichever comes first, and clears the ring. */
    public synchronized void await(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!rung) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        rung = false;
    }
}
