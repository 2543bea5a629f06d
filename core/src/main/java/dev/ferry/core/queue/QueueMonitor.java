package dev.ferry.core.queue;

import dev.ferry.core.job.JobState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RScoredSortedSetAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

/** Reads a demo's queue figures in one pipelined round trip. */
public final class QueueMonitor {
    private static final long HOUR_MS = 3_600_000;
    private final RedissonClient redisson;
    private final WorkerRegistry clock;

    public QueueMonitor(RedissonClient redisson, WorkerRegistry clock) {
        this.redisson = redisson;
        this.clock = clock;
    }

    public DemoStats stats(String demo) {
        QueueKeys k = new QueueKeys(demo);
        long now = clock.redisTimeMs();
        RBatch batch = redisson.createBatch();
        batch.getScoredSortedSet(k.state(JobState.QUEUED), StringCodec.INSTANCE).sizeAsync();
        batch.getScoredSortedSet(k.state(JobState.RUNNING), StringCodec.INSTANCE).sizeAsync();
        batch.getScoredSortedSet(k.state(JobState.SUCCEEDED), StringCodec.INSTANCE).countAsync(now - HOUR_MS, true, Double.POSITIVE_INFINITY, true);
        batch.getScoredSortedSet(k.state(JobState.FAILED), StringCodec.INSTANCE).countAsync(now - HOUR_MS, true, Double.POSITIVE_INFINITY, true);
        batch.getScoredSortedSet(k.deadLetters(), StringCodec.INSTANCE).sizeAsync();
        batch.getScoredSortedSet(k.state(JobState.QUEUED), StringCodec.INSTANCE).entryRangeAsync(0, 0);
        batch.<String, String>getMap(k.stats(), StringCodec.INSTANCE).readAllMapAsync();
        batch.getBucket(k.paused(), StringCodec.INSTANCE).isExistsAsync();
        BatchResult<?> r = batch.execute();
        List<?> values = r.getResponses();
        @SuppressWarnings("unchecked")
        Collection<ScoredEntry<String>> oldest = (Collection<ScoredEntry<String>>) values.get(5);
        @SuppressWarnings("unchecked")
        Map<String, String> totals = (Map<String, String>) values.get(6);
        long oldestAge = oldest.isEmpty() ? 0 : now - oldest.iterator().next().getScore().longValue();
        return new DemoStats(demo, num(values.get(0)), num(values.get(1)), num(values.get(2)), num(values.get(3)),
                num(values.get(4)), Math.max(0, oldestAge), total(totals, "submitted"), total(totals, "succeeded"),
                total(totals, "failed"), total(totals, "cancelled"), (Boolean) values.get(7));
    }

    /** The demo's queue wait and run times over its recent successful jobs. */
    public DemoTimings timings(String demo) {
        return DemoTimings.of(demo, new RecentTimings(redisson).of(demo));
    }

    /**
     * The demo's jobs that succeeded and failed per minute over the last hour: a ZCOUNT per
     * minute of each state's set, scored by when a job entered the state, in one round trip.
     */
    public Throughput throughput(String demo) {
        QueueKeys k = new QueueKeys(demo);
        long until = Throughput.untilMs(clock.redisTimeMs());
        RBatch batch = redisson.createBatch();
        countPerMinute(batch.getScoredSortedSet(k.state(JobState.SUCCEEDED), StringCodec.INSTANCE), until);
        countPerMinute(batch.getScoredSortedSet(k.state(JobState.FAILED), StringCodec.INSTANCE), until);
        List<Long> counts = batch.execute().getResponses().stream().map(QueueMonitor::num).toList();
        return new Throughput(demo, (int) (Throughput.BUCKET_MS / 1000), Instant.ofEpochMilli(until),
                List.copyOf(counts.subList(0, Throughput.BUCKETS)),
                List.copyOf(counts.subList(Throughput.BUCKETS, 2 * Throughput.BUCKETS)));
    }

    private static void countPerMinute(RScoredSortedSetAsync<String> set, long until) {
        for (int i = 0; i < Throughput.BUCKETS; i++) {
            set.countAsync(Throughput.bucketStartMs(until, i), true, Throughput.bucketStartMs(until, i + 1), false);
        }
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }

    private static long total(Map<String, String> totals, String name) {
        String value = totals.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }
}
