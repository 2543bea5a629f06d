package dev.ferry.app.bench.faults;

import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.queue.NewJob;
import dev.ferry.core.queue.QueueKeys;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.Submissions;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.core.queue.WorkerRegistry;
import dev.ferry.core.queue.WorkerStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Chaos among workers: {@code workers} real `ferry worker` processes drain noop jobs while
 * every {@code killEvery} one of them, picked at random among those running a job, is killed
 * with SIGKILL and a new one started, until every job has ended (or {@code deadline} passed).
 * A kill waits until the last replacement has registered, so the fleet is at full strength
 * when it is hit: on a loaded machine a JVM can take longer to start than the kill interval,
 * and killing workers that never got going would measure start-up, not recovery. Every
 * {@code failEvery}-th job fails its first attempt on purpose.
 */
public final class WorkerChaos implements FaultScenario {
    static final String DEMO = "noop";
    private final RedissonClient redis;
    private final String redisUrl;
    private final Path dir;
    private final Plan plan;
    private final QueueKeys keys = new QueueKeys(DEMO);
    private final Random random = new Random(18);
    private final JobRecords records;

    /** The size of the scenario, and the workers' dead-after and poison settings. */
    public record Plan(int jobs, long sleepMs, int failEvery, int workers, int concurrency, Duration killEvery, int deadAfterS,
            int poisonAfter, int maxAttempts, Duration deadline) {}

    public WorkerChaos(RedissonClient redis, String redisUrl, Path dir, Plan plan) {
        this.redis = redis;
        this.redisUrl = redisUrl;
        this.dir = dir;
        this.plan = plan;
        this.records = new JobRecords(redis, DEMO);
    }

    @Override
    public String name() {
        return "workers";
    }

    @Override
    public ChaosReport run() throws Exception {
        WorkQueue.ensureGroups(redis, DEMO);
        long start = System.nanoTime();
        List<String> ids = submit();
        int kills = 0;
        List<Recovery> recoveries = new ArrayList<>();
        List<Long> reclaimMs = new ArrayList<>();
        List<Long> rerunMs = new ArrayList<>();
        try (WorkerProcesses workers = new WorkerProcesses(workerSettings(), dir)) {
            for (int i = 0; i < plan.workers(); i++) {
                workers.start();
            }
            long deadline = start + plan.deadline().toNanos();
            long nextKill = System.nanoTime() + plan.killEvery().toNanos();
            List<String> open = new ArrayList<>(ids);
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                open.removeIf(id -> JobState.fromWire(records.fields(id).getOrDefault("state", "queued")).isFinal());
                for (Recovery r : recoveries) {
                    r.poll(records::fields, reclaimMs, rerunMs);
                }
                recoveries.removeIf(Recovery::done);
                if (!open.isEmpty() && System.nanoTime() >= nextKill) {
                    Optional<Recovery> killed = killOne(workers);
                    if (killed.isPresent()) {
                        recoveries.add(killed.get());
                        kills++;
                        workers.start();
                        nextKill = System.nanoTime() + plan.killEvery().toNanos();
                    }
                }
            }
            List<RecoveryTimes> times = List.of(new RecoveryTimes("kill -> reclaimed (queued again)", reclaimMs),
                    new RecoveryTimes("kill -> running on another worker", rerunMs));
            return new ChaosReport(ids.stream().map(records::history).toList(), kills, workers.started(), 0, times,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private List<String> submit() {
        Submissions submissions = new Submissions(new RedisScripts(redis), Integer.MAX_VALUE, Duration.ofHours(1));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < plan.jobs(); i++) {
            int failTimes = plan.failEvery() > 0 && i % plan.failEvery() == 0 ? 1 : 0;
            JobId id = JobId.generate(DEMO, System.currentTimeMillis());
            submissions.submit(new NewJob(id, Map.of("sleep_ms", plan.sleepMs(), "fail_times", failTimes, "echo", "chaos " + i),
                    Priority.NORMAL, plan.maxAttempts(), 600_000, Optional.empty()));
            ids.add(id.toString());
        }
        return ids;
    }

    /**
     * Kills a random busy worker once every worker has registered; the jobs its record in
     * Redis still shows running on it once it is dead are the ones to watch come back (its
     * last heartbeat's list may be out of date). Empty when the fleet is not ready for a kill.
     */
    private Optional<Recovery> killOne(WorkerProcesses workers) throws InterruptedException {
        Map<Long, Process> alive = new HashMap<>();
        workers.alive().forEach(p -> alive.put(p.pid(), p));
        List<WorkerStatus> registered = new WorkerRegistry(new RedisScripts(redis)).all().stream()
                .filter(w -> alive.containsKey(w.info().pid())).toList();
        List<WorkerStatus> busy = registered.stream().filter(w -> !w.info().runningJobs().isEmpty()).toList();
        if (registered.size() < plan.workers() || busy.isEmpty()) {
            return Optional.empty();
        }
        WorkerStatus victim = busy.get(random.nextInt(busy.size()));
        long killed = System.nanoTime();
        workers.kill(alive.get(victim.info().pid()));
        String dead = victim.info().id();
        List<String> stranded = redis.<String>getScoredSortedSet(keys.state(JobState.RUNNING), StringCodec.INSTANCE).readAll().stream()
                .filter(id -> dead.equals(records.fields(id).get("worker"))).toList();
        return Optional.of(new Recovery(killed, dead, stranded));
    }

    private Map<String, String> workerSettings() {
        Map<String, String> env = new HashMap<>();
        env.put("FERRY_HOME", dir.toString());
        env.put("FERRY_DATA", dir.resolve("data").toString());
        env.put("REDIS_URL", redisUrl);
        env.put("FERRY_DEMOS", DEMO);
        env.put("FERRY_CONCURRENCY", String.valueOf(plan.concurrency()));
        env.put("FERRY_WORKER_DEAD_AFTER_S", String.valueOf(plan.deadAfterS()));
        env.put("FERRY_POISON_AFTER", String.valueOf(plan.poisonAfter()));
        env.put("FERRY_SHUTDOWN_GRACE_S", "1");
        env.put("FERRY_RETRY_BASE", "50ms");
        env.put("FERRY_RETRY_MAX", "200ms");
        return env;
    }
}
