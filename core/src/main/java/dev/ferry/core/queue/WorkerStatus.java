package dev.ferry.core.queue;

/** A registered worker and how long ago it last beat. */
public record WorkerStatus(WorkerInfo info, long heartbeatAgeMs) {}
