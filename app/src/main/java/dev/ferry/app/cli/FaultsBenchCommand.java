package dev.ferry.app.cli;

import dev.ferry.app.bench.faults.ChaosReport;
import dev.ferry.app.bench.faults.FaultScenario;
import dev.ferry.app.bench.faults.JobHistory;
import dev.ferry.app.bench.faults.WorkerChaos;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.redis.EmbeddedRedis;
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
 * Fault scenarios against real processes and a fresh embedded Redis: jobs submitted,
 * succeeded, lost, run twice, and recovery times. Each scenario is a {@link FaultScenario};
 * today the one of workers killed at random.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "Jobs lost, run twice and recovery times while workers are killed with SIGKILL at random.")
public final class FaultsBenchCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("ferry-bench-faults-");
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (EmbeddedRedis embedded = EmbeddedRedis.start(port, dir.resolve("redis"))) {
            FerryConfig config = FerryConfig.from(Map.of("REDIS_URL", embedded.url(), "FERRY_DATA", dir.resolve("data").toString()));
            RedissonClient redis = RedisConnector.connect(config.redis(), embedded.url());
            try {
                WorkerChaos.Plan plan = new WorkerChaos.Plan(jobs, sleepMs, 10, workers, 1, Duration.ofSeconds(killEverySeconds),
                        deadAfterSeconds, 1_000, 1_000, Duration.ofMinutes(30));
                for (FaultScenario scenario : List.<FaultScenario>of(new WorkerChaos(redis, embedded.url(), dir, plan))) {
                    print(scenario.name(), scenario.run());
                }
                return 0;
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
        times("kill -> reclaimed (queued again)", r.reclaimMs());
        times("kill -> running on another worker", r.rerunMs());
        r.jobs().stream().filter(JobHistory::ranTwice).forEach(j -> System.out.println("run twice: " + j));
    }

    private static void times(String what, List<Long> values) {
        if (!values.isEmpty()) {
            double[] ms = values.stream().mapToDouble(Long::doubleValue).sorted().toArray();
            System.out.printf("%s, %d jobs: p50 %.0f ms, p90 %.0f ms, max %.0f ms%n", what, ms.length, rank(ms, 50), rank(ms, 90),
                    ms[ms.length - 1]);
        }
    }
}
