package dev.ferry.demos.inference;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ferry.core.concurrent.DaemonThreads;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops runs already inside {@code session.run}: a job's cancellation check is not reached
 * while native code runs, so one watcher thread polls the check of every run in flight
 * every 50 ms and sets ONNX Runtime's terminate flag on the run's options when it turns true.
 * One per {@link Inference}, closed with it.
 */
final class RunTerminator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunTerminator.class);
    static final long POLL_MS = 50;

    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("ferry-run-terminator"));

    RunTerminator() {
        watcher.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** Watches {@code options} until the returned watch is closed, which must happen before the options are. */
    Watch watch(OrtSession.RunOptions options, BooleanSupplier cancelled) {
        Watch w = new Watch(options, cancelled);
        running.add(w);
        return w;
    }

    /** Stops watching; a run still in flight is no longer stopped by its job's cancellation. */
    @Override
    public void close() {
        watcher.shutdownNow();
    }

    private void poll() {
        for (Watch w : running) {
            try {
                w.terminateIfCancelled();
            } catch (RuntimeException | OrtException e) {
                LOG.warn("cannot check or stop a model run", e);
            }
        }
    }

    /** One run being watched. */
    final class Watch implements AutoCloseable {
        private final OrtSession.RunOptions options;
        private final BooleanSupplier cancelled;
        private boolean closed;
        private volatile boolean terminated;

        private Watch(OrtSession.RunOptions options, BooleanSupplier cancelled) {
            this.options = options;
            this.cancelled = cancelled;
        }

        /** Synchronised with {@link #close} so the flag is never set on options already freed. */
        private synchronized void terminateIfCancelled() throws OrtException {
            if (!closed && !terminated && cancelled.getAsBoolean()) {
                options.setTerminate(true);
                terminated = true;
            }
        }

        boolean terminated() {
            return terminated;
        }

        @Override
        public synchronized void close() {
            closed = true;
            running.remove(this);
        }
    }
}
