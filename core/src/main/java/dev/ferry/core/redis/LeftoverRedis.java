package dev.ferry.core.redis;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern PROCESS_ID = Pattern.compile("process_id:(\\d+)");
    private static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    private LeftoverRedis() {}

    /**
     * Returns once nothing listens on {@code port}: at once when nothing did, else after shutting
     * down the leftover Redis of {@code dir}.
     *
     * @throws IllegalStateException when something else holds the port
     */
    static void freePort(int port, Path dir, Path pidFile) {
        try (RespConnection redis = RespConnection.open(port)) {
            long pid = pidIfOurs(redis, dir, pidFile);
            LOG.warn("port {} is held by redis-server pid {}, left running by an earlier `ferry up` on {}: shutting it down",
                    port, pid, dir);
            shutDown(redis, port);
        } catch (ConnectException nothingListens) {
            return;
        } catch (IOException notOurs) {
            throw new IllegalStateException("cannot start the embedded Redis on port " + port + ": another program uses it ("
                    + notOurs.getMessage() + "); stop it, or set FERRY_EMBEDDED_REDIS_PORT to a free port", notOurs);
        }
        if (!Polling.until(() -> !isListening(port), EXIT_WAIT)) {
            throw new IllegalStateException("the leftover Redis on port " + port + " was told to shut down but still runs after "
                    + EXIT_WAIT.toSeconds() + " s");
        }
    }

    private static long pidIfOurs(RespConnection redis, Path dir, Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            throw new IOException("no Redis of " + dir + " was left running: it has no " + pidFile.getFileName());
        }
        long recorded = pidIn(pidFile);
        Matcher reported = PROCESS_ID.matcher(String.valueOf(redis.call("INFO", "server")));
        if (!reported.find() || Long.parseLong(reported.group(1)) != recorded) {
            throw new IOException("a server that is not the redis-server pid " + recorded + " of " + dir);
        }
        Object folder = redis.call("CONFIG", "GET", "dir");
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

    private static void shutDown(RespConnection redis, int port) {
        try {
            Object answer = redis.call("SHUTDOWN");
            throw new IllegalStateException("the leftover Redis on port " + port + " refused to shut down: " + answer);
        } catch (EOFException stopped) {
            // A Redis that shuts down closes the connection instead of answering.
        } catch (IOException e) {
            throw new UncheckedIOException("the leftover Redis on port " + port + " refused to shut down", e);
        }
    }

    private static boolean isListening(int port) {
        try (RespConnection ignored = RespConnection.open(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
