package dev.ferry.core.queue;

import dev.ferry.core.job.JobId;

/** The job a submit stands for, and whether the submit created it or found it by idempotency key. */
public record SubmitOutcome(JobId id, boolean created) {}
