package dev.ferry.worker.tasks;

import dev.ferry.core.queue.Maintenance;
import java.util.List;

/** Puts jobs whose retry backoff has passed back on their demo's queue. */
public final class PromoteRetries implements Runnable {
    private final Maintenance maintenance;
    private final List<String> demos;

    public PromoteRetries(Maintenance maintenance, List<String> demos) {
        this.maintenance = maintenance;
        this.demos = List.copyOf(demos);
    }

    @Override
    public void run() {
        for (String demo : demos) {
            maintenance.promoteDue(demo);
        }
    }
}
