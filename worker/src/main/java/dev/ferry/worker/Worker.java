package dev.ferry.worker;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.config.QueueSettings;
import dev.ferry.core.config.WorkerSettings;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.job.Job;
import dev.ferry.core.queue.Maintenance;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.RetryPolicy;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.core.queue.WorkerInfo;
import dev.ferry.core.queue.WorkerRegistry;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.worker.claim.ClaimLoop;
import dev.ferry.worker.claim.Doorbell;
import dev.ferry.worker.claim.QueueSignals;
import dev.ferry.worker.health.HangGuard;
import dev.ferry.worker.health.Pulse;
import dev.ferry.worker.health.Watchdog;
import dev.ferry.worker.health.WorkerHealth;
import dev.ferry.worker.run.Drain;
import dev.ferry.worker.run.JobDurations;
import dev.ferry.worker.run.JobRunner;
import dev.ferry.worker.run.Lifecycle;
import dev.ferry.worker.run.OutcomeReporter;
import dev.ferry.worker.run.RunningJob;
import dev.ferry.worker.run.RunningJobs;
import dev.ferry.worker.tasks.Heartbeat;
import dev.ferry.worker.tasks.WorkerTimers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A worker: claims jobs of the demos it serves, runs up to {@code concurrency} of them at
 * once, and keeps the queue healthy (heartbeats, retries, dead workers' jobs, retention).
 * {@link #close()} stops it gracefully; {@link #halt()} makes it look killed. A worker its
 * watchdog finds hung halts itself and runs the action given to {@link #whenHung}.
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    private final WorkerIdentity identity;
    private final Duration grace;
    private final WorkerSettings settings;
    private final RedissonClient redis;
    private final List<String> demos;
    private final WorkerRegistry registry;
    private final RunningJobs running = new RunningJobs();
    private final Doorbell doorbell = new Doorbell();
    private final Lifecycle lifecycle = new Lifecycle();
    private final ExecutorService jobThreads;
    private final JobRunner runner;
    private final OutcomeReporter reporter;
    private final Heartbeat heartbeat;
    private final WorkerTimers timers;
    private final Thread claimThread;
    private final HangGuard hangGuard;
    private volatile Runnable hungAction = () -> { };
    private QueueSignals signals;

    private Worker(FerryConfig config, RedissonClient redis, DemoCatalog catalog, DataFolder data, MeterRegistry metrics) {
        QueueSettings q = config.queue();
        int concurrency = config.worker().concurrency();
        this.identity = WorkerIdentity.create();
        this.grace = config.worker().shutdownGrace();
        this.redis = redis;
        this.demos = List.copyOf(catalog.names());
        RedisScripts scripts = new RedisScripts(redis);
        WorkQueue queue = new WorkQueue(scripts, identity.id(), config.worker().device().toString());
        this.registry = new WorkerRegistry(scripts);
        this.jobThreads = Executors.newFixedThreadPool(concurrency, DaemonThreads.numbered("ferry-job-" + identity.id()));
        this.reporter = new OutcomeReporter(queue, data, new RetryPolicy(q.retryBase(), q.retryMax()),
                new JobDurations(metrics), lifecycle);
        this.runner = new JobRunner(catalog, data, queue, reporter, running, lifecycle, doorbell::ring);
        this.heartbeat = new Heartbeat(registry, () -> new WorkerInfo(identity.id(), identity.host(), identity.pid(),
                config.worker().device().toString(), demos, concurrency, running.ids()), q.heartbeatInterval(), q.workerDeadAfter(), identity.id());
        this.timers = new WorkerTimers(identity.id(), q, new Maintenance(scripts), registry, data, demos, running);
        Pulse claimPulse = new Pulse();
        this.claimThread = new Thread(new ClaimLoop(queue, redis, demos, concurrency, running, doorbell, lifecycle, this::dispatch,
                claimPulse), "ferry-claim-" + identity.id());
        this.claimThread.setDaemon(true);
        this.hangGuard = new HangGuard(new Watchdog(claimPulse, ClaimLoop.IDLE_WAIT, running, config.worker().hangAfter(),
                lifecycle::stopping),
                new WorkerHealth(lifecycle::stopping, heartbeat::recent), this::onHung, identity.id());
        this.settings = config.worker();
    }

    /**
     * Starts a worker serving every demo in {@code demos}.
     *
     * @throws IllegalArgumentException for a concurrency below 1, or no demos
     */
    public static Worker start(FerryConfig config, RedissonClient redis, DemoCatalog demos, DataFolder data, MeterRegistry metrics) {
        if (config.worker().concurrency() < 1) {
            throw new IllegalArgumentException("FERRY_CONCURRENCY must be at least 1, got " + config.worker().concurrency());
        }
        if (demos.names().isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one demo to serve; none is available or selected by FERRY_DEMOS");
        }
        Worker worker = new Worker(config, redis, demos, data, metrics);
        try {
            worker.begin();
        } catch (RuntimeException e) {
            worker.lifecycle.halt();
            worker.stopThreads();
            worker.hangGuard.close();
            worker.deregister();
            throw e;
        }
        LOG.info("worker {} started: demos {}, {} job slots, device {}", worker.id(), worker.demos,
                config.worker().concurrency(), config.worker().device());
        return worker;
    }

    private void begin() {
        for (String demo : demos) {
            WorkQueue.ensureGroups(redis, demo);
        }
        heartbeat.beatOnce();
        signals = QueueSignals.subscribe(redis, demos, doorbell::ring, this::onCancel);
        heartbeat.start();
        timers.start();
        claimThread.start();
        hangGuard.start(settings, identity.id());
    }

    public String id() {
        return identity.id();
    }

    /**
     * What to do once this worker has found itself hung and halted: a worker process exits,
     * so its orchestrator starts a new one. Nothing by default (a worker inside a test).
     */
    public void whenHung(Runnable action) {
        this.hungAction = action;
    }

    /**
     * A stuck thread cannot be taken back, so the worker gives up as if killed: no more
     * heartbeats, and after the dead-after period other workers reclaim its jobs.
     */
    private void onHung(String reason) {
        LOG.error("worker {} is hung: {}; it stops heartbeating so other workers take its jobs", id(), reason);
        lifecycle.halt();
        stopThreads();
        hungAction.run();
    }

    /**
     * Stops gracefully: takes no new jobs, lets running ones finish within the shutdown grace,
     * then stops the rest and hands them back to the queue, and leaves the registry.
     */
    @Override
    public void close() {
        if (lifecycle.halted() || !lifecycle.beginStop()) {
            return;
        }
        LOG.info("worker {} stopping: {} jobs running, waiting up to {} s for them", id(), running.size(), grace.toSeconds());
        hangGuard.stopWatching();
        doorbell.ring();
        join(claimThread);
        timers.stopMaintenance();
        boolean handedOver = false;
        try {
            handedOver = new Drain(running, reporter).drain(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.stopAll();
        jobThreads.shutdownNow();
        signals.close();
        heartbeat.stop();
        hangGuard.close();
        if (handedOver && reporter.stranded() == 0) {
            deregister();
            LOG.info("worker {} stopped", id());
        } else {
            // Leaving the registry would orphan them: dead workers are found through it.
            LOG.warn("worker {} stopped with jobs it could not hand back; other workers will recover them once it "
                    + "counts as dead", id());
        }
    }

    /**
     * Stops every thread at once and records nothing: running jobs stay claimed and the
     * registry entry stays, exactly what {@code kill -9} leaves for other workers to recover.
     */
    public void halt() {
        lifecycle.halt();
        int left = running.size();
        stopThreads();
        hangGuard.close();
        LOG.warn("worker {} halted; {} running jobs left behind", id(), left);
    }

    private void stopThreads() {
        claimThread.interrupt();
        timers.stopAll();
        jobThreads.shutdownNow();
        heartbeat.stop();
        if (signals != null) {
            signals.close();
        }
    }

    private void dispatch(Job job) {
        if (lifecycle.halted()) {
            return; // claimed by a dead worker: recovered elsewhere, like after kill -9
        }
        RunningJob runningJob = running.add(job);
        try {
            jobThreads.execute(() -> runner.run(runningJob));
        } catch (RejectedExecutionException e) {
            running.remove(runningJob);
        }
    }

    private void onCancel(String jobId) {
        if (!lifecycle.halted() && running.requestCancel(jobId)) {
            MDC.put(JobRunner.MDC_KEY, jobId);
            LOG.info("cancel requested; stopping the job");
            MDC.remove(JobRunner.MDC_KEY);
        }
    }

    private void deregister() {
        try {
            registry.forget(id());
        } catch (RuntimeException e) {
            LOG.warn("could not remove worker {} from the registry: {}", id(), e.toString());
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(5_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
