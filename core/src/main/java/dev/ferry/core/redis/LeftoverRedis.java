package dev.ferry.core.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.redisson.client.RedisConnection;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A redis-server that an earlier {@code ferry up} on the same data folder left running when
 * it was killed (with its watchdog, or before the watchdog could stop it), still holding the
 * embedded port. It is known by two facts: the pid it reports is the one in the folder's pid
 * file, and the folder it keeps its data in is this one. Since the caller holds the folder's
 * lock, no living Ferry uses it: it is shut down with SHUTDOWN, which completes its
 * append-only file. Anything else on the port is never touched.
 */
final class LeftoverRedis {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverRedis.class);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    private LeftoverRedis() {}

    /**
     * Returns once nothing listens on {@code port}: at once when nothing did, else after shutting
     * down the leftover Redis of {@code dir}.
     *
     * @throws IllegalStateException when something else holds the port
     */
    static void freePort(int port, Path dir, Path pidFile) {
        try (RedisProbe probe = RedisProbe.at(port)) {
            RedisConnection redis;
            try {
                redis = probe.connect();
            } catch (RedisConnectionException nothingListens) {
                return;
            }
            shutDownIfOurs(redis, port, dir, pidFile);
            if (!Polling.until(() -> !probe.isListening(), EXIT_WAIT)) {
                throw new IllegalStateException("the leftover Redis on port " + port + " was told to shut down but still runs after "
                        + EXIT_WAIT.toSeconds() + " s");
            }
        }
    }

    private static void shutDownIfOurs(RedisConnection redis, int port, Path dir, Path pidFile) {
        try {
            long pid = pidIfOurs(redis, dir, pidFile);
            LOG.warn("port {} is held by redis-server pid {}, left running by an earlier `ferry up` on {}: shutting it down",
                    port, pid, dir);
            shutDown(redis, port);
        } catch (IOException | RedisException notOurs) {
            throw new IllegalStateException("cannot start the embedded Redis on port " + port + ": another program uses it ("
                    + notOurs.getMessage() + "); stop it, or set FERRY_EMBEDDED_REDIS_PORT to a free port", notOurs);
        } finally {
            redis.close();
        }
    }

    private static long pidIfOurs(RedisConnection redis, Path dir, Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            throw new IOException("no Redis of " + dir + " was left running: it has no " + pidFile.getFileName());
        }
        long recorded = pidIn(pidFile);
        Object info = redis.sync(StringCodec.INSTANCE, RedisCommands.INFO_SERVER);
        if (!(info instanceof Map<?, ?> fields) || !String.valueOf(recorded).equals(fields.get("process_id"))) {
            throw new IOException("a server that is not the redis-server pid " + recorded + " of " + dir);
        }
        Object folder = redis.sync(StringCodec.INSTANCE, RedisCommands.CONFIG_GET, "dir");
        if (!(folder instanceof List<?> pair) || pair.size() != 2 || !dir.toRealPath().toString().equals(pair.get(1))) {
            throw new IOException("a Redis keeping its data in " + folder + ", not in " + dir);
        }
        return recorded;
    }

    private static long pidIn(Path pidFile) throws IOException {
        String text = Files.readString(pidFile).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(pidFile + " holds no pid: '" + text + "'", e);
        }
    }

    /** A Redis that shuts down closes the connection instead of answering; any answer, or none in time, is a refusal. */
    private static void shutDown(RedisConnection redis, int port) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        redis.getChannel().closeFuture().addListener(stopped -> closed.complete(null));
        CompletableFuture<Void> answer = redis.<Void, Void>async(StringCodec.INSTANCE, RedisCommands.SHUTDOWN).toCompletableFuture();
        CompletableFuture.anyOf(closed, answer).exceptionally(refusal -> null).join();
        if (!closed.isDone()) {
            Throwable refusal = answer.handle((ok, e) -> e).join();
            throw new IllegalStateException("the leftover Redis on port " + port + " refused to shut down: "
                    + (refusal == null ? "it answered" : refusal.getMessage()), refusal);
        }
    }
}
