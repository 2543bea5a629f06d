package dev.ferry.worker.health;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.config.WorkerSettings;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the {@link Watchdog} on a thread of its own, once a second, and the health endpoint
 * when a port is set. Hands the first hang it finds to {@code onHung}, once.
 */
public final class HangGuard implements AutoCloseable {
    private static final long CHECK_EVERY_MS = 1_000;
    private final Watchdog watchdog;
    private final WorkerHealth health;
    private final Consumer<String> onHung;
    private final ScheduledExecutorService timer;
    private Optional<HealthServer> server = Optional.empty();

    public HangGuard(Watchdog watchdog, WorkerHealth health, Consumer<String> onHung, String workerId) {
        this.watchdog = watchdog;
        this.health = health;
        this.onHung = onHung;
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ferry-watchdog-" + workerId));
    }

    public void start(WorkerSettings settings, String workerId) {
        if (settings.healthPort() > 0) {
            server = Optional.of(HealthServer.start(settings.healthHost(), settings.healthPort(), health, workerId));
        }
        timer.scheduleWithFixedDelay(this::check, CHECK_EVERY_MS, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private void check() {
        watchdog.check(System.nanoTime()).filter(health::markHung).ifPresent(reason -> {
            timer.shutdown();
            onHung.accept(reason);
        });
    }

    /** Stops watching; the endpoint stays up so it can go on answering 503 until the process exits. */
    public void stopWatching() {
        timer.shutdownNow();
    }

    @Override
    public void close() {
        stopWatching();
        server.ifPresent(HealthServer::close);
    }
}
