package dev.ferry.core.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redisson.client.RedisConnection;

/**
 * One redis-server of a test's replication group or cluster, on a loopback port, with a
 * configuration of the test's own; it can be killed with -9 or frozen as a stalled host would be.
 * Its folder holds its configuration, data and log.
 */
public final class RedisNode implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private final RedisProcess process;
    private final int port;
    private final Path dir;

    private RedisNode(RedisProcess process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** A server whose configuration is {@code extra} on top of the port, loopback and folder lines. */
    public static RedisNode server(Path dir, int port, List<String> extra) {
        return start(dir, port, extra, "redis-server");
    }

    /**
     * A Sentinel: the same binary, which runs as one when its name contains {@code redis-sentinel},
     * hence the link of that name.
     */
    public static RedisNode sentinel(Path dir, int port, List<String> extra) {
        return start(dir, port, extra, "redis-sentinel");
    }

    private static RedisNode start(Path dir, int port, List<String> extra, String name) {
        try {
            Files.createDirectories(dir);
            Path binary = RedisBinary.installed(dir.resolve("bin"));
            Path link = dir.resolve(name);
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, binary);
            List<String> config = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "daemonize no",
                    "dir \"" + dir.toAbsolutePath() + "\""));
            config.addAll(extra);
            Path file = Files.write(dir.resolve(name + ".conf"), config);
            RedisProcess process = RedisProcess.start(link, file, dir.resolve(name + ".log"));
            RedisNode node = new RedisNode(process, port, dir);
            node.awaitPing();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitPing() {
        try (RedisProbe probe = RedisProbe.at(port)) {
            if (!Polling.until(() -> !process.isAlive() || probe.answersPing(), STARTUP) || !process.isAlive()) {
                throw new IllegalStateException("redis on port " + port + " did not start; see its log in " + dir);
            }
        }
    }

    public int port() {
        return port;
    }

    public String address() {
        return "redis://127.0.0.1:" + port;
    }

    /** Runs {@code command} on a connection of its own to this node. */
    public <T> T call(Command<T> command) {
        try (RedisProbe probe = RedisProbe.at(port)) {
            RedisConnection connection = probe.connect();
            try {
                return command.on(connection);
            } finally {
                connection.close();
            }
        }
    }

    /** What a test asks of one node. */
    @FunctionalInterface
    public interface Command<T> {
        T on(RedisConnection connection);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crashed host: nothing is written or handed over. Returns once the process is gone. */
    public void kill() {
        ProcessHandle.of(process.pid()).ifPresent(handle -> {
            handle.destroyForcibly();
            handle.onExit().join();
        });
    }

    /** SIGSTOP: the node keeps its connections but answers nothing, as a stalled host. */
    public void freeze() {
        signal("-STOP");
    }

    public void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            thaw();
            process.stop();
        }
    }
}
