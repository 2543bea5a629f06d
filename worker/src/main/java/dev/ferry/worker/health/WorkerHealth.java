package dev.ferry.worker.health;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the health endpoint reports. Live: not hung (an orchestrator restarts a worker that is
 * not). Ready: live, not stopping, and its last heartbeat reached Redis recently, so it can
 * take jobs (a worker that is live but not ready needs no restart, e.g. while Redis is down).
 */
public final class WorkerHealth {
    private final BooleanSupplier stopping;
    private final BooleanSupplier heartbeatRecent;
    private volatile String hung;

    public WorkerHealth(BooleanSupplier stopping, BooleanSupplier heartbeatRecent) {
        this.stopping = stopping;
        this.heartbeatRecent = heartbeatRecent;
    }

    /** Records why the worker is hung; returns true the first time only. */
    public synchronized boolean markHung(String reason) {
        if (hung != null) {
            return false;
        }
        hung = reason;
        return true;
    }

    public Optional<String> hung() {
        return Optional.ofNullable(hung);
    }

    public boolean live() {
        return hung == null;
    }

    public boolean ready() {
        return live() && !stopping.getAsBoolean() && heartbeatRecent.getAsBoolean();
    }
}
