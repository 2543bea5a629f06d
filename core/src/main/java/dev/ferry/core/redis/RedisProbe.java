package dev.ferry.core.redis;

import io.netty.resolver.DefaultAddressResolverGroup;
import org.redisson.client.RedisClient;
import org.redisson.client.RedisClientConfig;
import org.redisson.client.RedisConnection;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommands;

/**
 * Redisson's low-level client to a port on this machine, for the few commands sent before a
 * RedissonClient may connect: to a Redis that is still starting, or to whatever holds the
 * embedded Redis's port, which may not be a Redis at all. Connecting and every command time
 * out; closing it stops its threads.
 */
final class RedisProbe implements AutoCloseable {
    private static final int TIMEOUT_MS = 5_000;
    private final RedisClient client;

    private RedisProbe(RedisClient client) {
        this.client = client;
    }

    static RedisProbe at(int port) {
        // The address is a loopback literal, so the JDK's resolver is enough; without one given,
        // RedisClient builds a DNS resolver, which needs Netty's native epoll classes on the class path.
        return new RedisProbe(RedisClient.create(new RedisClientConfig()
                .setAddress("redis://127.0.0.1:" + port)
                .setResolverGroup(DefaultAddressResolverGroup.INSTANCE)
                .setConnectTimeout(TIMEOUT_MS)
                .setCommandTimeout(TIMEOUT_MS)));
    }

    /** @throws org.redisson.client.RedisConnectionException when nothing listens on the port */
    RedisConnection connect() {
        return client.connect();
    }

    boolean isListening() {
        try {
            connect().close();
            return true;
        } catch (RedisException e) {
            return false;
        }
    }

    /** Whether a Redis answers PING; a Redis still loading its data answers LOADING, so not yet. */
    boolean answersPing() {
        try {
            RedisConnection redis = connect();
            try {
                return "PONG".equals(redis.sync(StringCodec.INSTANCE, RedisCommands.PING));
            } finally {
                redis.close();
            }
        } catch (RedisException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
