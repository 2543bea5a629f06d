package dev.ferry.api.support;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.awaitility.Awaitility;

/**
 * What a leak grows in the JVM that runs a test server: threads that are busy (not parked in a
 * pool waiting for work, where a pool keeps them a while after a burst, nor an event loop
 * waiting for I/O, of which Netty starts more as connections come) and heap in use after a
 * full collection. A thread stuck on a client that went away stays busy, so it is counted.
 */
public record ServerResources(int busyThreads, long heapBytes) {
    private static final Set<String> IDLE_FRAMES = Set.of(
            "java.util.concurrent.ThreadPoolExecutor.getTask",
            "java.util.concurrent.ForkJoinPool.awaitWork",
            "org.eclipse.jetty.util.thread.QueuedThreadPool$Runner.idleJobPoll",
            "org.eclipse.jetty.util.thread.ReservedThreadExecutor$ReservedThread.reservedWait",
            "sun.nio.ch.EPoll.wait");
    private static final int GC_ROUNDS = 3;
    /** What a burst may leave behind for good: a few threads a component starts once, some caches. */
    private static final int THREAD_SLACK = 10;
    private static final long HEAP_SLACK = 64L * 1024 * 1024;

    public static ServerResources measure() {
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
        }
        long busy = Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().isAlive() && !idle(thread.getValue()))
                .count();
        return new ServerResources((int) busy, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    /** Waits until the busy threads and the heap are back near {@code baseline}, as they were before a burst of clients. */
    public static void awaitBackTo(ServerResources baseline) {
        Awaitility.await("threads and heap to come back to " + baseline).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(ServerResources::measure, now -> now.busyThreads <= baseline.busyThreads + THREAD_SLACK
                        && now.heapBytes <= baseline.heapBytes + HEAP_SLACK);
    }

    @Override
    public String toString() {
        return busyThreads + " busy threads, " + heapBytes / (1024 * 1024) + " MB of heap in use";
    }

    private static boolean idle(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(frame -> IDLE_FRAMES.contains(frame.getClassName() + "." + frame.getMethodName()));
    }
}
