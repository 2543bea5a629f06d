package dev.ferry.core.webhook;

import dev.ferry.core.job.Job;

/**
 * One event of a job, as the transition that caused it recorded it.
 *
 * @param id       the delivery's id ({@code webhook-id}), the same on every retry and replay
 * @param sequence counts the job's events from 1, so a receiver can order them
 * @param job      the job's record right after the transition
 */
public record WebhookEvent(String id, EventKind kind, long sequence, Job job) {}
