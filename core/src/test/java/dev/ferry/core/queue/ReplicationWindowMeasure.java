package dev.ferry.core.queue;

import dev.ferry.core.config.ReplicaWait;
import dev.ferry.core.job.JobId;
import dev.ferry.core.redis.SentinelGroup;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.redisson.api.RedissonClient;

/**
 * Not a test: the figures of docs/benchmarks.md, "Submits and replication". How many
 * acknowledged submits a master killed with -9 takes with it, without and with WAIT, and what
 * WAIT costs a submit. Run it with
 * {@code mvn -o -pl core test -Dtest=ReplicationWindowMeasure -Dferry.measure=true}.
 */
@EnabledIfSystemProperty(named = "ferry.measure", matches = "true")
class ReplicationWindowMeasure {
    private static final int ROUNDS = 10;
    private static final int KILL_AFTER = 500;
    private static final int LATENCY_SUBMITS = 2_000;
    private static final ReplicaWait ONE_REPLICA = new ReplicaWait(1, Duration.ofSeconds(2));
    private final ReplicatedSubmits submits = new ReplicatedSubmits();

    @Test
    void lostAcknowledgedSubmits() {
        for (ReplicaWait wait : List.of(ReplicaWait.OFF, ONE_REPLICA)) {
            int acknowledged = 0;
            int lost = 0;
            for (int round = 0; round < ROUNDS; round++) {
                try (SentinelGroup group = SentinelGroup.started(0)) {
                    List<JobId> ids = submits.untilTheMasterDies(group, wait, KILL_AFTER);
                    group.promoteReplica();
                    acknowledged += ids.size();
                    lost += submits.missingOn(group.replica(), ids).size();
                }
            }
            System.out.printf("MEASURE wait=%d rounds=%d acknowledged=%d lost=%d load=%s%n",
                    wait.replicas(), ROUNDS, acknowledged, lost, load());
        }
    }

    @Test
    void submitLatency() {
        try (SentinelGroup group = SentinelGroup.started(0)) {
            RedissonClient redis = ReplicatedSubmits.client(group.master());
            try {
                for (ReplicaWait wait : List.of(ReplicaWait.OFF, ONE_REPLICA, ReplicaWait.OFF, ONE_REPLICA)) {
                    Submissions submissions = submits.submissions(redis, wait);
                    long[] micros = new long[LATENCY_SUBMITS];
                    for (int i = 0; i < LATENCY_SUBMITS; i++) {
                        long start = System.nanoTime();
                        submissions.submit(ReplicatedSubmits.newJob(submits.newId()));
                        micros[i] = (System.nanoTime() - start) / 1_000;
                    }
                    Arrays.sort(micros);
                    System.out.printf("MEASURE latency wait=%d submits=%d p50=%dus p99=%dus mean=%dus load=%s%n", wait.replicas(),
                            LATENCY_SUBMITS, micros[LATENCY_SUBMITS / 2], micros[LATENCY_SUBMITS * 99 / 100],
                            Arrays.stream(micros).sum() / LATENCY_SUBMITS, load());
                }
            } finally {
                redis.shutdown();
            }
        }
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
