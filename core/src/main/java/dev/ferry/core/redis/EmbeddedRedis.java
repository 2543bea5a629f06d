package dev.ferry.core.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real redis-server (the binary inside the embedded-redis jar), bound to loopback, with its
 * append-only file in {@code dir} so queued jobs survive a restart. One process at a time runs
 * a folder's server (a lock file); a server that a killed run left on the port is shut down
 * cleanly first; the server stops when this JVM ends, even when it is killed. {@code dir} holds
 * everything it writes: the data, {@code redis.conf}, {@code redis.log}, {@code redis-server.pid}
 * and {@code ferry.lock}.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    /** Loading a large append-only file takes time; Redis answers LOADING until it is done. */
    private static final Duration STARTUP = Duration.ofMinutes(5);
    private final RedisFolderLock lock;
    private final RedisProcess process;
    private final int port;

    private EmbeddedRedis(RedisFolderLock lock, RedisProcess process, int port) {
        this.lock = lock;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a persistent server keeping its data in {@code dir}.
     *
     * @throws IllegalStateException when another process runs this folder's server, or another program holds the port
     */
    public static EmbeddedRedis start(int port, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        RedisFolderLock lock = RedisFolderLock.acquire(dir);
        try {
            Path pidFile = dir.resolve("redis-server.pid");
            LeftoverRedis.freePort(port, dir, pidFile);
            Path config = Files.write(dir.resolve("redis.conf"), config(port, dir, pidFile));
            Path log = dir.resolve("redis.log");
            RedisProcess process = RedisProcess.start(RedisBinary.installed(dir.resolve("bin")), config, log);
            awaitReady(process, port, log);
            LOG.info("embedded Redis (pid {}) listening on 127.0.0.1:{}, data in {}", process.pid(), port, dir);
            return new EmbeddedRedis(lock, process, port);
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("cannot start the embedded Redis on port " + port + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static List<String> config(int port, Path dir, Path pidFile) {
        return List.of(
                "port " + port,
                "bind 127.0.0.1",
                "protected-mode yes",
                "daemonize no",
                "dir " + quoted(dir.toAbsolutePath()),
                "pidfile " + quoted(pidFile.toAbsolutePath()),
                "appendonly yes",
                "appendfsync everysec",
                "save \"\"",
                "maxmemory-policy noeviction");
    }

    private static String quoted(Path path) {
        return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void awaitReady(RedisProcess process, int port, Path log) throws IOException {
        boolean settled;
        try (RedisProbe redis = RedisProbe.at(port)) {
            settled = Polling.until(() -> !process.isAlive() || redis.answersPing(), STARTUP);
        }
        if (!process.isAlive()) {
            throw new IOException("redis-server stopped while starting; its log, " + log + ", says: " + lastLines(log));
        }
        if (!settled) {
            process.stop();
            throw new IOException("redis-server did not answer within " + STARTUP.toMinutes() + " minutes; see " + log);
        }
    }

    private static String lastLines(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Stops the server (it completes its append-only file first), then frees the folder for the next start. */
    @Override
    public void close() {
        try {
            process.stop();
        } finally {
            lock.close();
        }
    }
}
