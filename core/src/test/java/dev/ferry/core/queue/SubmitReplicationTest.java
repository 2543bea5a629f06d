package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.ReplicaWait;
import dev.ferry.core.job.JobId;
import dev.ferry.core.redis.SentinelGroup;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replication is asynchronous: a master that dies right after acknowledging a submit can take
 * the job with it. With FERRY_REDIS_WAIT_REPLICAS a submit is acknowledged only once a replica
 * holds it; a frozen replica (SIGSTOP) makes "no replica confirms" last as long as the test needs.
 */
class SubmitReplicationTest {
    private static final ReplicaWait ONE_REPLICA = new ReplicaWait(1, Duration.ofMillis(500));
    private final ReplicatedSubmits submits = new ReplicatedSubmits();

    @Test
    void withWaitASubmitNoReplicaHoldsIsNotAcknowledged() {
        try (SentinelGroup group = SentinelGroup.started(0)) {
            group.replica().freeze();
            assertThrows(ReplicationTimeoutException.class, () -> submits.one(group.master(), ONE_REPLICA));
            group.replica().thaw();

            JobId after = submits.one(group.master(), ONE_REPLICA);
            assertEquals(List.of(), submits.missingOn(group.replica(), List.of(after)), "once the replica answers, submits go through");
        }
    }

    @Test
    void withWaitEveryAcknowledgedSubmitSurvivesTheMastersDeath() {
        try (SentinelGroup group = SentinelGroup.started(0)) {
            List<JobId> acknowledged = submits.untilTheMasterDies(group, ONE_REPLICA, 50);
            group.promoteReplica();

            assertTrue(acknowledged.size() >= 50, "the master died after " + acknowledged.size() + " acknowledged submits");
            assertEquals(List.of(), submits.missingOn(group.replica(), acknowledged), "acknowledged submits missing on the new master");
        }
    }
}
