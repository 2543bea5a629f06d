package dev.ferry.worker.run;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The cooperative stop signal of one running job. The first reason wins. */
public final class CancelToken {
    private final AtomicReference<StopReason> reason = new AtomicReference<>();
    private volatile long stoppedAtNanos;

    /** Returns true when this call set the token, false when it was already set. */
    public boolean stop(StopReason why) {
        if (reason.compareAndSet(null, why)) {
            stoppedAtNanos = System.nanoTime();
            return true;
        }
        return false;
    }

    public boolean isStopped() {
        return reason.get() != null;
    }

    public Optional<StopReason> reason() {
        return Optional.ofNullable(reason.get());
    }

    /** {@link System#nanoTime()} when the token was set; meaningless before. */
    public long stoppedAtNanos() {
        return stoppedAtNanos;
    }
}
