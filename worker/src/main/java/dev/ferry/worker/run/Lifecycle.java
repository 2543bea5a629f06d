package dev.ferry.worker.run;

/** Whether the worker is still taking jobs, stopping cleanly, or halted as if killed. */
public final class Lifecycle {
    private volatile boolean stopping;
    private volatile boolean halted;

    /** Returns true for the first call only, so stopping happens once. */
    public synchronized boolean beginStop() {
        if (stopping) {
            return false;
        }
        stopping = true;
        return true;
    }

    /** After this nothing may touch the queue: the worker must look exactly like a killed process. */
    public void halt() {
        halted = true;
        stopping = true;
    }

    public boolean stopping() {
        return stopping;
    }

    public boolean halted() {
        return halted;
    }
}
