package dev.ferry.api.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.support.ApiForTests;
import dev.ferry.api.support.Http;
import dev.ferry.api.support.TestDemo;
import dev.ferry.api.support.TestWorker;
import dev.ferry.core.job.JobState;
import dev.ferry.core.queue.QueueKeys;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.WorkerRegistry;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.client.codec.StringCodec;

/**
 * /monitor's throughput: per demo, the jobs that succeeded and failed in each minute of the
 * last hour, oldest first. A minute may turn between finishing a job and asking, so a job of
 * "now" is looked for in the last two buckets, never in one.
 */
class MonitorThroughputTest {
    static final TestDemo counted = TestDemo.echo();
    static final TestDemo idle = TestDemo.echo();
    @RegisterExtension
    static final ApiForTests api = ApiForTests.serving(counted, idle);
    static final Http http = api.http();

    @Test
    void finishedJobsLandInTheCurrentMinutesBucket() {
        TestWorker worker = new TestWorker(api.redis().client(), "throughput-worker");
        for (int i = 0; i < 3; i++) {
            assertEquals(202, http.postJson("/api/v1/demos/" + counted.name() + "/jobs", "{}").status());
        }
        worker.complete(worker.claim(counted.name()), "{}", List.of());
        worker.complete(worker.claim(counted.name()), "{}", List.of());
        worker.dieWith(counted.name());

        JsonNode throughput = throughput(http.get("/monitor/" + counted.name()).json(), counted.name());
        assertEquals(60, throughput.get("bucket_s").asInt());
        assertEquals(60, throughput.get("succeeded").size());
        assertEquals(60, throughput.get("failed").size());
        assertEquals(2, sum(throughput.get("succeeded"), 58, 60), throughput::toString);
        assertEquals(1, sum(throughput.get("failed"), 58, 60), throughput::toString);
        assertEquals(2, sum(throughput.get("succeeded"), 0, 60), "nothing outside the last two minutes");
        assertEquals(0, Instant.parse(throughput.get("until").asText()).toEpochMilli() % 60_000, "buckets are whole minutes");
    }

    /** A success half an hour ago is in the middle of the hour; one two hours ago is not counted. */
    @Test
    void oldestBucketComesFirst() {
        long now = new WorkerRegistry(new RedisScripts(api.redis().client())).redisTimeMs();
        var succeeded = api.redis().client().getScoredSortedSet(new QueueKeys(idle.name()).state(JobState.SUCCEEDED), StringCodec.INSTANCE);
        succeeded.add(now - 30 * 60_000, "half-an-hour-ago");
        succeeded.add(now - 120 * 60_000, "two-hours-ago");

        JsonNode throughput = throughput(http.get("/monitor").json(), idle.name());
        assertEquals(1, sum(throughput.get("succeeded"), 28, 30), throughput::toString);
        assertEquals(1, sum(throughput.get("succeeded"), 0, 60), throughput::toString);
        assertEquals(0, sum(throughput.get("failed"), 0, 60));
    }

    private static long sum(JsonNode counts, int from, int to) {
        return IntStream.range(from, to).mapToLong(i -> counts.get(i).asLong()).sum();
    }

    private static JsonNode throughput(JsonNode monitor, String demo) {
        for (JsonNode t : monitor.get("throughput")) {
            if (t.get("demo").asText().equals(demo)) {
                return t;
            }
        }
        throw new AssertionError("no throughput of " + demo + " in " + monitor);
    }
}
