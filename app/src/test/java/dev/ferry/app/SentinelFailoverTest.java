package dev.ferry.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.support.ApiCalls.Answer;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.redis.SentinelGroup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A master, a replica and three Sentinels; Ferry's API and worker reach Redis through the
 * Sentinels. The master is killed with -9 while noop jobs stream in: every job the API accepted
 * ends succeeded, served by the promoted replica, with no restart of the API or the worker.
 */
class SentinelFailoverTest {
    @RegisterExtension
    @Order(1)
    static final SentinelGroup redis = new SentinelGroup(3);

    @RegisterExtension
    @Order(2)
    static final FerryForTests ferry = FerryForTests.serving("noop")
            .set("REDIS_SENTINEL_MASTER", redis.settings().get("REDIS_SENTINEL_MASTER"))
            .set("REDIS_SENTINEL_ADDRESSES", redis.settings().get("REDIS_SENTINEL_ADDRESSES"))
            // Without it an acknowledged submit can die with the master (SubmitReplicationTest).
            .set("FERRY_REDIS_WAIT_REPLICAS", 1)
            .set("FERRY_CONCURRENCY", 2)
            .set("FERRY_WORKER_DEAD_AFTER_S", 6);

    @Test
    void everyAcceptedJobSucceedsAfterTheMasterIsKilled() throws Exception {
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Thread submitter = new Thread(() -> {
            while (!stop.get()) {
                Answer answer = ferry.api().postJson("/api/v1/demos/noop/jobs", "{\"params\": {\"sleep_ms\": 20}}");
                if (answer.status() == 202) {
                    accepted.add(answer.json().get("id").asText());
                } else {
                    refused.incrementAndGet();
                }
            }
        }, "submitter");
        submitter.start();
        await("jobs accepted before the kill").atMost(Duration.ofSeconds(120)).until(() -> accepted.size() >= 150);
        redis.master().kill();
        await("the Sentinels to promote the replica").atMost(Duration.ofSeconds(120)).ignoreExceptions()
                .until(() -> redis.currentMasterPort() == redis.replica().port());
        stop.set(true);
        submitter.join();

        List<String> notSucceeded = accepted.stream()
                .filter(id -> !"succeeded".equals(ferry.api().awaitFinished(id, Duration.ofSeconds(180)).path("state").asText()))
                .toList();
        assertEquals(List.of(), notSucceeded, "accepted jobs that did not succeed (" + refused + " submits were refused)");
        assertTrue(accepted.size() >= 150);
    }
}
