package dev.ferry.core.queue;

import dev.ferry.core.config.ReplicaWait;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript.ReturnType;

/** The client side of the queue: submitting and cancelling jobs. */
public final class Submissions {
    private final RedisScripts scripts;
    private final int maxQueued;
    private final Duration idempotencyTtl;
    private final ReplicaWait replicaWait;

    public Submissions(RedisScripts scripts, int maxQueued, Duration idempotencyTtl) {
        this(scripts, maxQueued, idempotencyTtl, ReplicaWait.OFF);
    }

    /** @param replicaWait the replicas that must hold a submit before it returns (FERRY_REDIS_WAIT_REPLICAS) */
    public Submissions(RedisScripts scripts, int maxQueued, Duration idempotencyTtl, ReplicaWait replicaWait) {
        this.scripts = scripts;
        this.maxQueued = maxQueued;
        this.idempotencyTtl = idempotencyTtl;
        this.replicaWait = replicaWait;
    }

    /**
     * @throws QueueException with {@link QueueError#QUEUE_FULL} past the demo's queue limit, or
     *         {@link QueueError#IDEMPOTENCY_CONFLICT} when the job's idempotency key came first with another request
     * @throws ReplicationTimeoutException when fewer replicas than the wait asks held the job in time
     */
    public SubmitOutcome submit(NewJob job) {
        List<Object> reply = replicaWait.isOn()
                ? scripts.runReplicated(QueueScript.SUBMIT, ReturnType.MULTI, keys(job), replicaWait, args(job))
                : scripts.run(QueueScript.SUBMIT, ReturnType.MULTI, keys(job), args(job));
        return outcome(reply);
    }

    public CompletionStage<SubmitOutcome> submitAsync(NewJob job) {
        CompletionStage<List<Object>> reply = replicaWait.isOn()
                ? scripts.runReplicatedAsync(QueueScript.SUBMIT, ReturnType.MULTI, keys(job), replicaWait, args(job))
                : scripts.runAsync(QueueScript.SUBMIT, ReturnType.MULTI, keys(job), args(job));
        return reply.thenApply(Submissions::outcome);
    }

    /**
     * Cancels a job: a queued one at once, a running one once its worker stops it.
     *
     * @return the state right after the call (running while the worker is stopping it)
     * @throws QueueException with {@link QueueError#NOT_FOUND}
     */
    public JobState cancel(JobId id) {
        QueueKeys k = new QueueKeys(id.demo());
        String state = scripts.run(QueueScript.CANCEL, ReturnType.VALUE,
                List.of(k.job(id), k.stream(Priority.HIGH), k.stream(Priority.NORMAL), k.state(JobState.QUEUED),
                        k.state(JobState.CANCELLED), k.delayed(), k.stats(), k.webhooks()),
                id.toString(), k.events(id), k.cancel(), QueueKeys.GROUP);
        return JobState.fromWire(state);
    }

    private static List<String> keys(NewJob job) {
        QueueKeys k = new QueueKeys(job.id().demo());
        return List.of(k.job(job.id()), k.stream(job.priority()), k.state(JobState.QUEUED), k.created(),
                job.idempotencyKey().map(key -> k.idempotency(key.key())).orElse(k.idempotencyUnused()), k.stats());
    }

    private Object[] args(NewJob job) {
        QueueKeys k = new QueueKeys(job.id().demo());
        List<Object> args = new ArrayList<>(List.of(
            job.id().toString(), maxQueued, idempotencyTtl.toMillis(),
            job.idempotencyKey().map(IdempotencyKey::fingerprint).orElse(""), k.wake(),
            "params", Json.write(job.params()),
            "priority", job.priority().wireName(),
            "max_attempts", job.maxAttempts(),
            "time_limit_ms", job.timeLimitMs()));
        job.webhook().ifPresent(webhook -> args.addAll(List.of("webhook", Json.write(webhook))));
        return args.toArray();
    }

    private static SubmitOutcome outcome(List<Object> reply) {
        JobId id = JobId.parse(String.valueOf(reply.get(1))).orElseThrow();
        if ("conflict".equals(reply.get(0))) {
            throw new QueueException(QueueError.IDEMPOTENCY_CONFLICT, "the Idempotency-Key was first used for job " + id
                    + " with a different request");
        }
        return new SubmitOutcome(id, "created".equals(reply.get(0)));
    }
}
