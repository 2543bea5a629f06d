package dev.ferry.worker.tasks;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a timer task so that a failure is logged and the next run still happens (a plain
 * {@link java.util.concurrent.ScheduledExecutorService} silently cancels a task that
 * throws). While a task keeps failing, as during a Redis outage, it is logged again at
 * most every {@link #QUIET}.
 */
public final class SafeTask implements Runnable {
    private static final Duration QUIET = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(SafeTask.class);
    private final String name;
    private final Runnable body;
    private boolean failing;
    private long lastLogNanos;

    public SafeTask(String name, Runnable body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public synchronized void run() {
        try {
            body.run();
            if (failing) {
                LOG.info("{} works again", name);
                failing = false;
            }
        } catch (Throwable t) {
            if (Thread.currentThread().isInterrupted()) {
                return; // the worker is stopping
            }
            long now = System.nanoTime();
            if (!failing || now - lastLogNanos > QUIET.toNanos()) {
                LOG.warn("{} failed: {}", name, t.toString());
                lastLogNanos = now;
            }
            failing = true;
        }
    }
}
