package dev.ferry.worker.tasks;

import dev.ferry.core.queue.WorkerInfo;
import dev.ferry.core.queue.WorkerRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Tells the registry this worker is alive, from a plain thread of its own: neither busy
 * job threads nor demo code stuck in native inference can delay it, and a delayed beat
 * is what would make other workers take our jobs away.
 */
public final class Heartbeat implements Runnable {
    private final WorkerRegistry registry;
    private final Supplier<WorkerInfo> info;
    private final Duration interval;
    private final Duration deadAfter;
    private final SafeTask beat;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long lastBeatNanos;

    public Heartbeat(WorkerRegistry registry, Supplier<WorkerInfo> info, Duration interval, Duration deadAfter, String workerId) {
        this.registry = registry;
        this.info = info;
        this.interval = interval;
        this.deadAfter = deadAfter;
        this.beat = new SafeTask("heartbeat", this::beatOnce);
        this.thread = new Thread(this, "ferry-heartbeat-" + workerId);
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MAX_PRIORITY);
    }

    /** One beat, letting failures through: the first beat at start must succeed. */
    public void beatOnce() {
        registry.beat(info.get(), deadAfter);
        lastBeatNanos = System.nanoTime();
    }

    /** Whether a beat reached Redis within the dead-after period: other workers still see this one alive. */
    public boolean recent() {
        long last = lastBeatNanos;
        return last != 0 && System.nanoTime() - last < deadAfter.toNanos();
    }

    public void start() {
        thread.start();
    }

    @Override
    public void run() {
        while (!stopped) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!stopped) {
                beat.run();
            }
        }
    }

    /** Stops beating and waits (briefly) for the thread, so no beat follows this call. */
    public void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
