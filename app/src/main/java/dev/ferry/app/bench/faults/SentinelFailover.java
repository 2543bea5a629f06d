package dev.ferry.app.bench.faults;

import dev.ferry.app.runtime.FerryNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.job.JobState;
import dev.ferry.core.redis.LocalSentinelGroup;
import dev.ferry.core.redis.RedisConnector;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;

/**
 * A Redis failover under load: a master, a replica and three Sentinels on loopback, Ferry's API
 * (in this process) and {@code workers} `ferry worker` processes configured for Sentinel. A
 * client submits {@code jobs} noop jobs over HTTP; once half were accepted the master is killed
 * with SIGKILL, and started again once the Sentinels have promoted the replica (so that, as in
 * a deployment, the new master gets a replica back: with FERRY_REDIS_WAIT_REPLICAS=1 submits
 * are refused until it has one). Reported: every accepted job's history, the submits refused meanwhile, and two
 * recovery times: kill → first submit accepted again, kill → first job completed on the new
 * master (the first {@code finished_at} after the kill: the old master, being dead, wrote none).
 */
public final class SentinelFailover implements FaultScenario {
    private static final String DEMO = WorkerChaos.DEMO;
    private static final int SENTINELS = 3;
    private static final Duration PROMOTION_TIMEOUT = Duration.ofMinutes(2);
    private final Path dir;
    private final Plan plan;

    /**
     * The size of the scenario; {@code waitReplicas} is FERRY_REDIS_WAIT_REPLICAS, {@code settle}
     * how long to wait for the last jobs once none has ended for that long (a job whose submit the
     * dead master took with it never ends).
     */
    public record Plan(int jobs, long sleepMs, int workers, int concurrency, int waitReplicas, int deadAfterS, Duration settle) {}

    public SentinelFailover(Path dir, Plan plan) {
        this.dir = dir;
        this.plan = plan;
    }

    @Override
    public String name() {
        return "failover (FERRY_REDIS_WAIT_REPLICAS=" + plan.waitReplicas() + ")";
    }

    @Override
    public ChaosReport run() throws Exception {
        long start = System.nanoTime();
        try (LocalSentinelGroup redis = new LocalSentinelGroup(SENTINELS)) {
            redis.start();
            Map<String, String> settings = settings(redis);
            FerryConfig config = FerryConfig.from(settings);
            try (FerryNode api = FerryNode.start(config, true, false, false);
                    WorkerProcesses workers = new WorkerProcesses(settings, dir);
                    ApiSubmitter client = new ApiSubmitter(submitUri(api), "{\"params\": {\"sleep_ms\": " + plan.sleepMs() + "}}",
                            plan.jobs())) {
                for (int i = 0; i < plan.workers(); i++) {
                    workers.start();
                }
                client.start();
                client.awaitAccepted(plan.jobs() / 2);
                long killNanos = System.nanoTime();
                long killEpochMs = System.currentTimeMillis();
                client.faultStartsAt(killNanos);
                redis.master().kill();
                redis.rejoinKilledMaster(PROMOTION_TIMEOUT);
                client.awaitDone();
                List<String> ids = client.accepted();
                RedissonClient reader = RedisConnector.connect(config.redis(), RedisConnector.address(config.redis()));
                try {
                    JobRecords records = new JobRecords(reader, DEMO);
                    awaitEnded(records, ids);
                    List<RecoveryTimes> times = List.of(
                            new RecoveryTimes("kill -> first submit accepted again", since(killNanos, client.firstAcceptAfterFaultNanos())),
                            new RecoveryTimes("kill -> first job completed on the new master", firstFinishAfter(records, ids, killEpochMs)));
                    return new ChaosReport(ids.stream().map(records::history).toList(), 1, workers.started(), client.refused(), times,
                            (System.nanoTime() - start) / 1_000_000);
                } finally {
                    reader.shutdown();
                }
            }
        }
    }

    /** Until every job has ended or has no record left, or none has ended for {@code settle}. */
    private void awaitEnded(JobRecords records, List<String> ids) throws InterruptedException {
        List<String> open = new ArrayList<>(ids);
        long lastProgress = System.nanoTime();
        while (!open.isEmpty() && System.nanoTime() - lastProgress < plan.settle().toNanos()) {
            Thread.sleep(200);
            if (open.removeIf(id -> ended(records.fields(id)))) {
                lastProgress = System.nanoTime();
            }
        }
    }

    private static boolean ended(Map<String, String> fields) {
        return fields.isEmpty() || JobState.fromWire(fields.getOrDefault("state", "queued")).isFinal();
    }

    private static List<Long> since(long startNanos, long endNanos) {
        return endNanos == 0 ? List.of() : List.of((endNanos - startNanos) / 1_000_000);
    }

    private static List<Long> firstFinishAfter(JobRecords records, List<String> ids, long killEpochMs) {
        return ids.stream().map(id -> records.fields(id).getOrDefault("finished_at", ""))
                .filter(at -> !at.isEmpty()).map(Long::parseLong).filter(at -> at > killEpochMs)
                .min(Long::compare).map(at -> List.of(at - killEpochMs)).orElse(List.of());
    }

    private static URI submitUri(FerryNode node) {
        int port = node.api().orElseThrow().port();
        return URI.create("http://127.0.0.1:" + port + "/api/v1/demos/" + DEMO + "/jobs");
    }

    private Map<String, String> settings(LocalSentinelGroup redis) {
        Map<String, String> env = new HashMap<>(redis.settings());
        env.put("FERRY_HOME", dir.toString());
        env.put("FERRY_DATA", dir.resolve("data").toString());
        env.put("FERRY_PORT", "0");
        env.put("FERRY_DEMOS", DEMO);
        env.put("FERRY_CONCURRENCY", String.valueOf(plan.concurrency()));
        env.put("FERRY_WORKER_DEAD_AFTER_S", String.valueOf(plan.deadAfterS()));
        env.put("FERRY_REDIS_WAIT_REPLICAS", String.valueOf(plan.waitReplicas()));
        env.put("FERRY_SHUTDOWN_GRACE_S", "1");
        return env;
    }
}
