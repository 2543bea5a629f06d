package dev.ferry.app.cli;

import dev.ferry.app.bench.QueueBenchmark;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.redis.EmbeddedRedis;
import dev.ferry.core.redis.RedisConnector;
import dev.ferry.core.storage.DataFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.redisson.api.RedissonClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "Enqueue and drain rates and enqueue-to-start latency of no-op jobs through the real queue.")
public final class QueueBenchCommand implements Callable<Integer> {
    @Option(names = "--jobs", defaultValue = "20000")
    int jobs;

    @Option(names = "--concurrency", defaultValue = "50", description = "Submits in flight, and the worker's job slots.")
    int concurrency;

    @Option(names = "--redis", description = "A Redis URL; default: a fresh embedded redis-server with AOF on, as `ferry up` runs it.")
    String redisUrl;

    @Option(names = "--latency-seconds", defaultValue = "5")
    int latencySeconds;

    @Option(names = "--warmup", defaultValue = "20000", description = "Untimed jobs first, so the JIT has compiled the hot paths.")
    int warmup;

    @Option(names = "--rate", defaultValue = "1000", description = "Offered load for the latency phase, jobs/s.")
    int rate;

    @Override
    public Integer call() throws Exception {
        // One log line per job is right for real jobs, and would be most of the work here.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.ferry")).setLevel(ch.qos.logback.classic.Level.WARN);
        Path dir = Files.createTempDirectory("ferry-bench-");
        Map<String, String> settings = new HashMap<>();
        settings.put("FERRY_DATA", dir.resolve("data").toString());
        settings.put("FERRY_CONCURRENCY", String.valueOf(concurrency));
        settings.put("FERRY_MAX_QUEUED", String.valueOf(Integer.MAX_VALUE));
        Optional<EmbeddedRedis> embedded = Optional.empty();
        if (redisUrl == null) {
            int port;
            try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            embedded = Optional.of(EmbeddedRedis.start(port, dir.resolve("redis")));
            redisUrl = embedded.get().url();
        }
        settings.put("REDIS_URL", redisUrl);
        FerryConfig config = FerryConfig.load(settings);
        RedissonClient redis = RedisConnector.connect(config.redis(), redisUrl);
        try {
            QueueBenchmark.Result r = new QueueBenchmark(config, redis, new DataFolder(config.dataDir()))
                    .run(jobs, concurrency, latencySeconds, rate, warmup);
            System.out.printf("jobs %d, concurrency %d%n", r.jobs(), r.concurrency());
            System.out.printf("enqueue          %,10.0f jobs/s%n", r.enqueuePerSecond());
            System.out.printf("drain            %,10.0f jobs/s%n", r.drainPerSecond());
            System.out.printf("enqueue->start   p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d jobs at %.0f jobs/s)%n",
                    r.p50Ms(), r.p99Ms(), r.maxMs(), r.latencyJobs(), r.offeredPerSecond());
            return 0;
        } finally {
            redis.shutdown();
            embedded.ifPresent(EmbeddedRedis::close);
            dev.ferry.core.storage.DataFolder.deleteTree(dir);
        }
    }
}
