package dev.ferry.core.queue;

import dev.ferry.core.hash.Sha256;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;

/**
 * Every Redis key and channel name of one demo's queue. The {@code {demo}} hash tag puts all
 * of a demo's keys in one Redis Cluster slot, so each script's keys are always co-located.
 */
public final class QueueKeys {
    /** The consumer group every worker of a demo reads its streams through. */
    public static final String GROUP = "workers";
    /** Worker keys share the {workers} hash tag, so a heartbeat (index + record) is one Cluster slot. */
    public static final String WORKERS = "ferry:{workers}";
    public static final String DEMOS = "ferry:demos";
    /** Webhook URLs that answered 410 Gone: nothing more is sent to them. */
    public static final String WEBHOOKS_GONE = "ferry:webhooks:gone";
    /** The consumer group the webhook dispatchers of every API process read the webhook streams through. */
    public static final String DISPATCHERS = "dispatchers";

    private final String demo;
    private final String prefix;

    public QueueKeys(String demo) {
        this.demo = demo;
        this.prefix = "ferry:{" + demo + "}:";
    }

    public String demo() {
        return demo;
    }

    public String job(JobId id) {
        return jobPrefix() + id;
    }

    /** Scripts that touch jobs they discover (claim, reclaim...) append ids to this prefix. */
    public String jobPrefix() {
        return prefix + "job:";
    }

    public String stream(Priority priority) {
        return prefix + "stream:" + priority.wireName();
    }

    public String state(JobState state) {
        return prefix + "state:" + state.wireName();
    }

    public String created() {
        return prefix + "created";
    }

    public String delayed() {
        return prefix + "delayed";
    }

    /** Failed jobs that could have succeeded: retries exhausted, poison pills, lost workers. Never bad input. */
    public String deadLetters() {
        return prefix + "dead";
    }

    /** Present while an operator has paused the demo's queue: claim hands out none of its jobs. */
    public String paused() {
        return prefix + "paused";
    }

    public String stats() {
        return prefix + "stats";
    }

    /** The queue wait and run time of the demo's most recent successful jobs, newest first. */
    public String timings() {
        return prefix + "timings";
    }

    /** Idempotency keys are hashed: a client's key can be any length and any bytes. */
    public String idempotency(String key) {
        return prefix + "idem:" + Sha256.hex(key);
    }

    /** Stands in KEYS for a submit without an idempotency key; never read or written. */
    public String idempotencyUnused() {
        return prefix + "idem:";
    }

    /** Pub/sub channel carrying the record version of one job after every change. */
    public String events(JobId id) {
        return eventsPrefix() + id;
    }

    public String eventsPrefix() {
        return prefix + "events:";
    }

    /** Pub/sub channel telling idle workers that jobs were queued. */
    public String wake() {
        return prefix + "wake";
    }

    /** Pub/sub channel telling workers that a running job was cancelled. */
    public String cancel() {
        return prefix + "cancel";
    }

    /** The stream of webhook events the transition scripts append and the dispatchers read. */
    public String webhooks() {
        return prefix + "webhooks";
    }

    /** Webhook deliveries waiting for a retry, scored by when it is due. */
    public String webhookRetries() {
        return prefix + "webhook:retries";
    }

    /** How many attempts each webhook delivery (by its stream entry) has had. */
    public String webhookAttempts() {
        return prefix + "webhook:attempts";
    }

    /** The delivery attempts of one job's webhook, oldest first. */
    public String webhookLog(JobId id) {
        return prefix + "webhook:log:" + id;
    }

    /** One job's events that were delivered or given up, kept so they can be replayed. */
    public String webhookSent(JobId id) {
        return prefix + "webhook:sent:" + id;
    }

    public static String worker(String workerId) {
        return "ferry:{workers}:worker:" + workerId;
    }
}
