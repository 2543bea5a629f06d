package dev.ferry.api.monitor;

import dev.ferry.api.demos.ServedDemo;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.queue.DemoStats;
import dev.ferry.core.queue.DemoTimings;
import dev.ferry.core.queue.QueueMonitor;
import dev.ferry.core.queue.Throughput;
import dev.ferry.core.queue.WorkerRegistry;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** GET /monitor and /monitor/{demo}: queues, their wait and run times, workers and the data folder at a glance. */
public final class MonitorHandler {
    private final DemoCatalog demos;
    private final QueueMonitor queues;
    private final WorkerRegistry workers;
    private final DataFolderUsage usage;
    private final Duration deadAfter;

    public MonitorHandler(DemoCatalog demos, QueueMonitor queues, WorkerRegistry workers, DataFolderUsage usage, Duration deadAfter) {
        this.demos = demos;
        this.queues = queues;
        this.workers = workers;
        this.usage = usage;
        this.deadAfter = deadAfter;
    }

    public void all(Context ctx) {
        ctx.json(report(demos.names(), false));
    }

    public void one(Context ctx) {
        ctx.json(report(Set.of(ServedDemo.of(ctx, demos)), true));
    }

    private Monitor report(Collection<String> names, boolean onlyTheirWorkers) {
        List<DemoStats> stats = names.stream().map(queues::stats).toList();
        List<WorkerView> live = workers.all().stream()
                .filter(w -> !onlyTheirWorkers || w.info().demos().stream().anyMatch(names::contains))
                .map(w -> WorkerView.of(w, deadAfter))
                .toList();
        List<DemoTimings> timings = names.stream().map(queues::timings).toList();
        List<Throughput> throughput = names.stream().map(queues::throughput).toList();
        return new Monitor(stats, timings, throughput, live, usage.view());
    }

    record Monitor(List<DemoStats> demos, List<DemoTimings> timings, List<Throughput> throughput, List<WorkerView> workers,
            DataFolderUsage.DataView data) {}
}
