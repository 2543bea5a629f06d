package dev.ferry.worker.run;

/** Why a running job was told to stop; it decides what the job becomes. */
public enum StopReason {
    /** A client cancelled it: the job ends {@code cancelled}. */
    CANCELLED,
    /** It ran past its time limit: the job fails with {@code timeout}. */
    TIMEOUT,
    /** The worker is shutting down: the job is handed back to the queue. */
    SHUTDOWN,
    /** The queue gave the job to another worker: this attempt's outcome is dropped. */
    LOST
}
