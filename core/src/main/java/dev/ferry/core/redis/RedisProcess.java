package dev.ferry.core.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A redis-server that ends with this JVM, started through {@code watchdog.sh}: the script
 * stops Redis when its stdin, a pipe only this JVM writes to, reaches end-of-file, which the
 * kernel causes when the JVM exits for any reason. Linux offers a parent-death signal too, but
 * only to the thread that started the child, and Java starts children from whichever thread
 * asks; a pipe works on Linux and macOS alike. The script exits when redis-server does.
 */
final class RedisProcess {
    private final Process watchdog;
    private final long redisPid;

    private RedisProcess(Process watchdog, long redisPid) {
        this.watchdog = watchdog;
        this.redisPid = redisPid;
    }

    /** Starts {@code binary} with {@code config}; both its output and its errors are appended to {@code log}. */
    static RedisProcess start(Path binary, Path config, Path log) throws IOException {
        Process watchdog = new ProcessBuilder("/bin/sh", "-c", script(), "ferry-redis-watchdog", binary.toString(), config.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(watchdog.getInputStream(), StandardCharsets.US_ASCII));
        String pid = out.readLine();
        if (pid == null) {
            watchdog.destroyForcibly();
            throw new IOException("the redis-server watchdog did not start; see " + log);
        }
        return new RedisProcess(watchdog, Long.parseLong(pid.strip()));
    }

    long pid() {
        return redisPid;
    }

    boolean isAlive() {
        return watchdog.isAlive();
    }

    /** Stops Redis as a crash of this JVM would, by closing the watchdog's stdin, and waits for it to exit. */
    void stop() {
        try {
            watchdog.getOutputStream().close();
            watchdog.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String script() throws IOException {
        try (InputStream in = RedisProcess.class.getResourceAsStream("watchdog.sh")) {
            if (in == null) {
                throw new IOException("watchdog.sh is missing from Ferry's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
