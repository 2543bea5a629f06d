package dev.ferry.worker.tasks;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.config.QueueSettings;
import dev.ferry.core.queue.Maintenance;
import dev.ferry.core.queue.WorkerRegistry;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.worker.run.PartialOutputs;
import dev.ferry.worker.run.RunningJobs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The worker's timer tasks. Queue maintenance shares one thread; stopping overdue and
 * cancelled jobs has its own, so a Redis call stuck during an outage never delays an
 * interrupt or a time limit.
 */
public final class WorkerTimers {
    static final Duration PROMOTE_EVERY = Duration.ofMillis(200);
    static final Duration ENFORCE_EVERY = Duration.ofMillis(100);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private final ScheduledExecutorService maintenance;
    private final ScheduledExecutorService enforcement;
    private final String workerId;
    private final QueueSettings settings;
    private final Maintenance queue;
    private final WorkerRegistry registry;
    private final DataFolder data;
    private final List<String> demos;
    private final RunningJobs running;

    public WorkerTimers(String workerId, QueueSettings settings, Maintenance queue, WorkerRegistry registry, DataFolder data,
            List<String> demos, RunningJobs running) {
        this.workerId = workerId;
        this.settings = settings;
        this.queue = queue;
        this.registry = registry;
        this.data = data;
        this.demos = List.copyOf(demos);
        this.running = running;
        this.maintenance = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ferry-maintenance-" + workerId));
        this.enforcement = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ferry-limits-" + workerId));
    }

    public void start() {
        every(maintenance, "promoting retries", new PromoteRetries(queue, demos), Duration.ZERO, PROMOTE_EVERY);
        every(maintenance, "reclaiming dead workers' jobs",
                new ReclaimDeadWorkers(registry, queue, workerId, settings.workerDeadAfter(), settings.poisonAfter(),
                        new PartialOutputs(data)),
                Duration.ZERO, settings.heartbeatInterval());
        Duration sweep = sweepInterval(settings.retention());
        every(maintenance, "retention sweep", new SweepExpiredJobs(queue, data, demos, settings.retention()), sweep, sweep);
        every(enforcement, "enforcing stops", new EnforceStops(running), ENFORCE_EVERY, ENFORCE_EVERY);
    }

    /** Every minute; as often as the retention itself when that is shorter, so short retentions are honoured. */
    static Duration sweepInterval(Duration retention) {
        Duration floor = Duration.ofMillis(100);
        return retention.compareTo(SWEEP_EVERY) >= 0 ? SWEEP_EVERY : retention.compareTo(floor) < 0 ? floor : retention;
    }

    /** Stops the queue maintenance tasks; the stop enforcement keeps running for jobs still finishing. */
    public void stopMaintenance() {
        maintenance.shutdownNow();
    }

    public void stopAll() {
        maintenance.shutdownNow();
        enforcement.shutdownNow();
    }

    private static void every(ScheduledExecutorService timer, String name, Runnable task, Duration first, Duration period) {
        timer.scheduleWithFixedDelay(new SafeTask(name, task), first.toMillis(), Math.max(1, period.toMillis()), TimeUnit.MILLISECONDS);
    }

}
