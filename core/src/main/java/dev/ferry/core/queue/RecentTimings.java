package dev.ferry.core.queue;

import dev.ferry.core.json.Json;
import java.util.List;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** The timings of a demo's most recent successful jobs, which estimates and {@code /monitor} are made from. */
public final class RecentTimings {
    /** Enough jobs for a steady 90th percentile, few enough to follow a change of workers within minutes. */
    public static final int KEPT = 200;
    private final RedissonClient redisson;

    public RecentTimings(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /** Newest first; empty before the demo's first success. */
    public List<JobTiming> of(String demo) {
        return redisson.<String>getList(new QueueKeys(demo).timings(), StringCodec.INSTANCE).readAll().stream()
                .map(json -> Json.read(json, JobTiming.class))
                .toList();
    }
}
