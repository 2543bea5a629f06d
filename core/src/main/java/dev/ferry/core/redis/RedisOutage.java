package dev.ferry.core.redis;

import org.redisson.RedissonShutdownException;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;

/**
 * Tells a Redis that cannot be reached (stopped, restarting, too slow to answer) from one
 * that answered with an error: the first passes once Redis is back, so callers wait or say
 * "try again"; the second does not.
 */
public final class RedisOutage {
    private RedisOutage() {}

    public static boolean is(Throwable e) {
        return e instanceof RedisConnectionException || e instanceof RedisTimeoutException || e instanceof RedisRetryException
                || e instanceof RedisNodeNotFoundException || e instanceof RedissonShutdownException;
    }
}
