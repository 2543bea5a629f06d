package dev.ferry.core.redis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the Redis server before Ferry uses it: 6.2 or newer (the queue scripts need its
 * stream commands), and a warning when it may evict keys, since evicted job records are lost jobs.
 */
public final class RedisServerCheck {
    private static final Logger LOG = LoggerFactory.getLogger(RedisServerCheck.class);
    private static final Pattern VERSION = Pattern.compile("redis_version:(\\d+)\\.(\\d+)");
    private static final Pattern POLICY = Pattern.compile("maxmemory_policy:(\\S+)");

    private RedisServerCheck() {}

    public static void verify(RedissonClient redisson) {
        RScript script = redisson.getScript(StringCodec.INSTANCE);
        // INFO, not CONFIG: managed Redis services often disable CONFIG.
        String info = script.eval(RScript.Mode.READ_ONLY, "return redis.call('INFO')", RScript.ReturnType.VALUE);
        requireVersion(info);
        Matcher policyLine = POLICY.matcher(info);
        String policy = policyLine.find() ? policyLine.group(1) : null;
        if (policy != null && !"noeviction".equals(policy)) {
            LOG.warn("Redis maxmemory-policy is '{}': under memory pressure Redis may evict queued jobs. Set it to 'noeviction'.", policy);
        }
    }

    static void requireVersion(String info) {
        Matcher m = VERSION.matcher(info == null ? "" : info);
        if (!m.find()) {
            throw new IllegalStateException("cannot tell the Redis server's version; Ferry needs Redis 6.2 or newer");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 6 || major == 6 && minor < 2) {
            throw new IllegalStateException("Ferry needs Redis 6.2 or newer; the server runs " + major + "." + minor);
        }
    }
}
