package dev.ferry.core.queue;

import java.time.Instant;
import java.util.List;

/**
 * How many of a demo's jobs succeeded and failed in each minute of the last hour, oldest
 * minute first, as {@code /monitor} shows them for a throughput chart. The last bucket is the
 * current minute, still filling; {@code until} is its end.
 */
public record Throughput(String demo, int bucketS, Instant until, List<Long> succeeded, List<Long> failed) {
    static final int BUCKETS = 60;
    static final long BUCKET_MS = 60_000;

    /** The end of the minute {@code nowMs} is in: the last bucket's end. */
    static long untilMs(long nowMs) {
        return Math.floorDiv(nowMs, BUCKET_MS) * BUCKET_MS + BUCKET_MS;
    }

    /** Where bucket {@code i} (0 = oldest) starts; it ends where bucket {@code i + 1} starts. */
    static long bucketStartMs(long untilMs, int i) {
        return untilMs - (BUCKETS - i) * BUCKET_MS;
    }
}
