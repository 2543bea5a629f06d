package dev.ferry.core.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for Ferry's pools and timers: named, so a thread dump says whose thread
 * it is, and daemon, so a stuck job or timer never keeps the JVM from exiting.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** Every thread is called {@code name} (for single-thread executors). */
    public static ThreadFactory named(String name) {
        return task -> daemon(task, name);
    }

    /** Threads called {@code prefix-1}, {@code prefix-2}... */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return task -> daemon(task, prefix + "-" + next.incrementAndGet());
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
