package dev.ferry.core.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server started from the binary inside the embedded-redis jar, bound to
 * loopback, with its append-only file in {@code dir} so queued jobs survive a restart.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a persistent server keeping its data in {@code dir}. */
    public static EmbeddedRedis start(int port, Path dir) {
        try {
            Files.createDirectories(dir);
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("save \"\"")
                    .setting("maxmemory-policy noeviction")
                    .setting("protected-mode yes")
                    // Ferry stops it itself, after the worker has handed its jobs back; the
                    // library's own shutdown hook would kill it first, in parallel.
                    .onShutdownForceStop(false)
                    .build();
            server.start();
            LOG.info("embedded Redis listening on 127.0.0.1:{}, data in {}", port, dir);
            return new EmbeddedRedis(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Redis on port " + port
                    + " (is another Redis or Ferry using it? set FERRY_EMBEDDED_REDIS_PORT)", e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
