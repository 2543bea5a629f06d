package dev.ferry.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh demo (queue) names, so tests sharing a Redis never see each other's jobs. */
public final class TestDemoNames {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestDemoNames() {}

    public static String fresh(String base) {
        return base + "_" + ProcessHandle.current().pid() % 10_000 + "_" + NEXT.incrementAndGet();
    }
}
