package dev.ferry.app.cli;

import dev.ferry.app.bench.faults.ChaosReport;
import dev.ferry.app.bench.faults.FaultScenario;
import dev.ferry.app.bench.faults.JobHistory;
import dev.ferry.app.bench.faults.RecoveryTimes;
import dev.ferry.app.bench.faults.SentinelFailover;
import dev.ferry.app.bench.faults.WorkerChaos;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.redis.EmbeddedRedis;
import dev.ferry.core.redis.LoopbackPort;
import dev.ferry.core.redis.RedisConnector;
import dev.ferry.core.storage.DataFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.redisson.api.RedissonClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Fault scenarios against real processes: jobs submitted, succeeded, lost, run twice, and
 * recovery times. Each scenario is a {@link FaultScenario}: workers killed at random (on a
 * fresh embedded Redis), and a Sentinel failover (on a master, a replica and three Sentinels
 * of its own). Both run by default, as the benchmark is documented: one command gives every
 * figure of docs/benchmarks.md's faults section.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "Jobs lost, run twice and recovery times while workers are killed with SIGKILL at random (chaos)"
                + " and while the Redis master is killed with SIGKILL under Sentinel (failover).")
public final class FaultsBenchCommand implements Callable<Integer> {
    /** Two worker JVMs of four slots: enough to drain 20 ms jobs as fast as one client submits them. */
    private static final int FAILOVER_WORKERS = 2;
    private static final int FAILOVER_CONCURRENCY = 4;

    @Option(names = "--scenario", defaultValue = "all", description = "chaos, failover or all (chaos, then failover).")
    String scenario;

    @Option(names = "--jobs", defaultValue = "1000")
    int jobs;

    @Option(names = "--sleep-ms", defaultValue = "300", description = "How long each noop job runs.")
    long sleepMs;

    @Option(names = "--workers", defaultValue = "3")
    int workers;

    @Option(names = "--kill-every-s", defaultValue = "4")
    int killEverySeconds;

    @Option(names = "--dead-after-s", defaultValue = "3", description = "FERRY_WORKER_DEAD_AFTER_S of the workers.")
    int deadAfterSeconds;

    @Option(names = "--failover-jobs", defaultValue = "2000", description = "Noop jobs of the failover scenario.")
    int failoverJobs;

    @Option(names = "--failover-sleep-ms", defaultValue = "20", description = "How long each job of the failover scenario runs.")
    long failoverSleepMs;

    @Option(names = "--wait-replicas", defaultValue = "0", split = ",",
            description = "FERRY_REDIS_WAIT_REPLICAS of the failover scenario; 0,1 runs it once with each.")
    List<Integer> waitReplicas;

    @Override
    public Integer call() throws Exception {
        switch (scenario) {
            case "chaos" -> runChaos();
            case "failover" -> runFailovers();
            case "all" -> {
                runChaos();
                runFailovers();
            }
            default -> throw new IllegalArgumentException("--scenario is chaos, failover or all, not " + scenario);
        }
        return 0;
    }

    private void runFailovers() throws Exception {
        for (int wait : waitReplicas) {
            Path dir = Files.createTempDirectory("ferry-bench-failover-");
            try {
                SentinelFailover.Plan plan = new SentinelFailover.Plan(failoverJobs, failoverSleepMs, FAILOVER_WORKERS,
                        FAILOVER_CONCURRENCY, wait, deadAfterSeconds, Duration.ofSeconds(60));
                run(new SentinelFailover(dir, plan));
            } finally {
                DataFolder.deleteTree(dir);
            }
        }
    }

    private static void run(FaultScenario scenario) throws Exception {
        print(scenario.name(), scenario.run());
    }

    private void runChaos() throws Exception {
        Path dir = Files.createTempDirectory("ferry-bench-faults-");
        int port = LoopbackPort.free();
        try (EmbeddedRedis embedded = EmbeddedRedis.start(port, dir.resolve("redis"))) {
            FerryConfig config = FerryConfig.from(Map.of("REDIS_URL", embedded.url(), "FERRY_DATA", dir.resolve("data").toString()));
            RedissonClient redis = RedisConnector.connect(config.redis(), embedded.url());
            try {
                WorkerChaos.Plan plan = new WorkerChaos.Plan(jobs, sleepMs, 10, workers, 1, Duration.ofSeconds(killEverySeconds),
                        deadAfterSeconds, 1_000, 1_000, Duration.ofMinutes(30));
                run(new WorkerChaos(redis, embedded.url(), dir, plan));
            } finally {
                redis.shutdown();
            }
        } finally {
            DataFolder.deleteTree(dir);
        }
    }

    /** Nearest-rank percentile of sorted values. */
    private static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void print(String name, ChaosReport r) {
        System.out.printf("scenario %s: %d workers started, %d killed, %.1f s%n", name, r.workersStarted(), r.kills(), r.elapsedMs() / 1000.0);
        System.out.printf("jobs submitted %d, succeeded %d, lost %d, run twice %d; worker deaths counted %d%n",
                r.submitted(), r.succeeded(), r.lost(), r.ranTwice(), r.deaths());
        if (r.refused() > 0) {
            System.out.printf("submits refused (not 202) while the fault lasted: %d%n", r.refused());
        }
        r.recoveries().forEach(FaultsBenchCommand::times);
        r.jobs().stream().filter(JobHistory::ranTwice).forEach(j -> System.out.println("run twice: " + j));
    }

    private static void times(RecoveryTimes times) {
        String what = times.what();
        if (times.ms().size() == 1) {
            System.out.printf("%s: %d ms%n", what, times.ms().get(0));
        } else if (!times.ms().isEmpty()) {
            double[] ms = times.ms().stream().mapToDouble(Long::doubleValue).sorted().toArray();
            System.out.printf("%s, %d jobs: p50 %.0f ms, p90 %.0f ms, max %.0f ms%n", what, ms.length, rank(ms, 50), rank(ms, 90),
                    ms[ms.length - 1]);
        }
    }
}
