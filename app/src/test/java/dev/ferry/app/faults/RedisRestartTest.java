package dev.ferry.app.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.ApiCalls.Answer;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.app.support.SteadySubmitter;
import dev.ferry.core.job.JobState;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.QueueKeys;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Redis (a redis-server of its own with AOF and {@code appendfsync everysec}, which Ferry
 * reaches through REDIS_URL) is stopped and started again on the same port and files while
 * a client submits jobs through the real API and a real worker runs them. The stop is the
 * one a restart or upgrade does, SIGTERM: Redis writes and syncs its append-only file and
 * exits, so nothing acknowledged may be lost. What a kill -9 can lose is in docs/queue.md.
 */
@Timeout(180)
class RedisRestartTest {
    private static final QueueKeys NOOP = new QueueKeys("noop");
    private static final int BEFORE = 20;
    /** Each refusal waits out Redisson's retries (about 4 s): the outage outlasts a worker's five tries to record an outcome. */
    private static final int WHILE_DOWN = 8;
    private static final int AFTER = 20;

    /** A dead-worker window far longer than the outage: the worker must not be taken for dead. */
    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("noop")
            .set("FERRY_CONCURRENCY", 2)
            .set("FERRY_WORKER_DEAD_AFTER_S", 120);

    @Test
    void everyAcceptedJobSucceedsOnceAcrossARestart() throws Exception {
        ApiCalls api = ferry.api();
        List<String> accepted;
        List<Answer> refused;
        Answer readWhileDown;
        try (SteadySubmitter load = SteadySubmitter.start(api, "noop", "{\"params\":{\"sleep_ms\":50}}")) {
            load.awaitAccepted(BEFORE);
            ferry.redis().stopServer();
            load.awaitRefused(WHILE_DOWN);
            readWhileDown = api.get("/api/v1/jobs/" + load.accepted().get(0));
            ferry.redis().startServer();
            load.awaitAccepted(load.accepted().size() + AFTER);
            load.close();
            assertEquals(List.of(), load.unanswered(), "every request gets an answer, Redis up or down");
            accepted = load.accepted();
            refused = load.refused();
        }
        assertUnavailable(readWhileDown);
        refused.forEach(RedisRestartTest::assertUnavailable);
        for (String id : accepted) {
            assertSucceededOnce(api, id);
        }
        assertEquals(succeededJobs(), completions(), "no job was recorded as succeeded twice");
    }

    private static void assertUnavailable(Answer answer) {
        assertEquals(503, answer.status(), answer::toString);
        assertEquals("redis_unavailable", answer.errorCode(), answer::toString);
        assertEquals("5", answer.header("Retry-After").orElse(""), answer::toString);
        assertTrue(answer.header("Content-Type").orElse("").startsWith("application/json"), answer::toString);
    }

    /** Succeeded in one run: one claim, on a worker the record names, which wrote the output of attempt 1. */
    private static void assertSucceededOnce(ApiCalls api, String id) throws Exception {
        JsonNode job = api.awaitFinished(id, Duration.ofSeconds(120));
        assertEquals(JobState.SUCCEEDED.wireName(), job.path("state").asText(), job::toString);
        assertEquals(1, job.path("attempts").asInt(), job::toString);
        assertFalse(job.path("worker").asText().isEmpty(), job::toString);
        JsonNode output = Json.MAPPER.readTree(api.file(id, "noop.json"));
        assertEquals(1, output.path("attempt").asInt(), output::toString);
        assertEquals(id, output.path("job").asText());
    }

    private static long succeededJobs() {
        return redis().getScoredSortedSet(NOOP.state(JobState.SUCCEEDED), StringCodec.INSTANCE).size();
    }

    /** The queue's count of complete transitions, one per job that succeeded. */
    private static long completions() {
        return Long.parseLong(redis().<String, String>getMap(NOOP.stats(), StringCodec.INSTANCE).getOrDefault("succeeded", "0"));
    }

    private static RedissonClient redis() {
        return ferry.redis().client();
    }
}
