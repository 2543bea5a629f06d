package dev.ferry.app.bench.faults;

import dev.ferry.core.job.JobState;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.QueueKeys;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Job records of one demo read straight from Redis, as a fault scenario judges them afterwards. */
final class JobRecords {
    private final RedissonClient redis;
    private final QueueKeys keys;

    JobRecords(RedissonClient redis, String demo) {
        this.redis = redis;
        this.keys = new QueueKeys(demo);
    }

    /** The record's fields; empty when Redis has no record of the job. */
    Map<String, String> fields(String id) {
        return redis.<String, String>getMap(keys.jobPrefix() + id, StringCodec.INSTANCE).readAllMap();
    }

    JobHistory history(String id) {
        Map<String, String> f = fields(id);
        return new JobHistory(id, JobState.fromWire(f.getOrDefault("state", "queued")), f.getOrDefault("error_code", ""),
                number(f.get("attempts")), number(f.get("max_attempts")), number(f.get("deaths")),
                field(f.get("params"), "fail_times"), field(f.get("result"), "attempt"));
    }

    private static int field(String json, String name) {
        try {
            return json == null ? 0 : Json.MAPPER.readTree(json).path(name).asInt();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static int number(String value) {
        return value == null || value.isEmpty() ? 0 : Integer.parseInt(value);
    }
}
