package dev.ferry.core.job;

/** Why a job failed (or, while it waits for a retry, why its last attempt failed). */
public record JobError(String code, String message) {}
