package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.RedisSettings;
import dev.ferry.core.config.ReplicaWait;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.Priority;
import dev.ferry.core.redis.RedisConnector;
import dev.ferry.core.redis.RedisNode;
import dev.ferry.core.redis.SentinelGroup;
import dev.ferry.testkit.TestDemoNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * Replication is asynchronous: a master that dies right after acknowledging a submit can take
 * the job with it. With FERRY_REDIS_WAIT_REPLICAS a submit is acknowledged only once a replica
 * holds it; a frozen replica (SIGSTOP) makes "no replica confirms" last as long as the test needs.
 */
class SubmitReplicationTest {
    private static final ReplicaWait ONE_REPLICA = new ReplicaWait(1, Duration.ofMillis(500));
    private final String demo = TestDemoNames.fresh("repl");

    @Test
    void withWaitASubmitNoReplicaHoldsIsNotAcknowledged() {
        try (SentinelGroup group = SentinelGroup.started(0)) {
            group.replica().freeze();
            assertThrows(ReplicationTimeoutException.class, () -> submit(group.master(), ONE_REPLICA));
            group.replica().thaw();

            assertTrue(holds(group.replica(), submit(group.master(), ONE_REPLICA)), "once the replica answers, submits go through");
        }
    }

    @Test
    void withWaitEveryAcknowledgedSubmitSurvivesTheMastersDeath() {
        try (SentinelGroup group = SentinelGroup.started(0)) {
            List<JobId> acknowledged = submitUntilTheMasterDies(group);
            group.promoteReplica();

            List<JobId> lost = acknowledged.stream().filter(id -> !holds(group.replica(), id)).toList();
            assertTrue(acknowledged.size() >= 50, "the master died after " + acknowledged.size() + " acknowledged submits");
            assertEquals(List.of(), lost, "acknowledged submits missing on the new master");
        }
    }

    /** Keeps 20 submits in flight; kills the master once 50 were acknowledged, while the others are on their way. */
    private List<JobId> submitUntilTheMasterDies(SentinelGroup group) {
        RedissonClient redis = client(group.master());
        ConcurrentLinkedQueue<JobId> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            Submissions submissions = new Submissions(new RedisScripts(redis), Integer.MAX_VALUE, Duration.ofMinutes(5), ONE_REPLICA);
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                JobId id = JobId.generate(demo, System.currentTimeMillis());
                inFlight.add(submissions.submitAsync(newJob(id)).thenRun(() -> acknowledged.add(id)).toCompletableFuture());
                if (inFlight.size() >= 20) {
                    inFlight.remove(0).handle((ok, error) -> null).join();
                }
                if (acknowledged.size() >= 50) {
                    group.master().kill();
                    break;
                }
            }
            inFlight.forEach(f -> f.handle((ok, error) -> null).join());
            return List.copyOf(acknowledged);
        } finally {
            redis.shutdown();
        }
    }

    private JobId submit(RedisNode master, ReplicaWait wait) {
        RedissonClient redis = client(master);
        try {
            JobId id = JobId.generate(demo, System.currentTimeMillis());
            new Submissions(new RedisScripts(redis), Integer.MAX_VALUE, Duration.ofMinutes(5), wait).submit(newJob(id));
            return id;
        } finally {
            redis.shutdown();
        }
    }

    private boolean holds(RedisNode node, JobId id) {
        RedissonClient redis = client(node);
        try {
            return new JobReader(redis).get(id).isPresent();
        } finally {
            redis.shutdown();
        }
    }

    private static NewJob newJob(JobId id) {
        return new NewJob(id, Map.of(), Priority.NORMAL, 1, 60_000, Optional.empty());
    }

    private static RedissonClient client(RedisNode node) {
        return RedisConnector.connect(new RedisSettings(Optional.of(node.address()), Optional.empty(), Optional.empty(),
                Set.of(), Set.of(), node.port(), ReplicaWait.OFF), node.address());
    }
}
