package dev.ferry.core.queue;

import dev.ferry.core.config.ReplicaWait;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * Runs queue scripts by SHA (one round trip each), loading a script again when Redis has
 * lost it (a restart or SCRIPT FLUSH), and turns script error replies into
 * {@link QueueException}s.
 */
public final class RedisScripts {
    /** How long a replicated run may take beyond its WAIT before the client gives up on the reply. */
    private static final long REPLY_AFTER_WAIT_MS = 3_000;
    private final RedissonClient redisson;
    private final RScript script;

    public RedisScripts(RedissonClient redisson) {
        this.redisson = redisson;
        this.script = redisson.getScript(StringCodec.INSTANCE);
    }

    public RedissonClient redisson() {
        return redisson;
    }

    /** Loads every script, so the first job pays no EVAL. */
    public void loadAll() {
        for (QueueScript s : QueueScript.values()) {
            script.scriptLoad(s.source());
        }
    }

    public <R> R run(QueueScript s, ReturnType type, List<String> keys, Object... args) {
        try {
            return evalSha(s, type, keys, args);
        } catch (RedisException e) {
            if (!isNoScript(e)) {
                throw translate(e);
            }
            script.scriptLoad(s.source());
            try {
                return evalSha(s, type, keys, args);
            } catch (RedisException again) {
                throw translate(again);
            }
        }
    }

    /** The asynchronous form, for callers that keep many submits in flight. */
    public <R> CompletionStage<R> runAsync(QueueScript s, ReturnType type, List<String> keys, Object... args) {
        RFuture<R> first = script.evalShaAsync(Mode.READ_WRITE, s.sha(), type, objects(keys), args);
        return first.handle((value, error) -> (CompletionStage<R>) (error == null
                        ? CompletableFuture.completedFuture(value)
                        : retryAfterLoad(s, type, keys, args, error)))
                .thenCompose(stage -> stage);
    }

    /** {@link #runReplicatedAsync}, waited for. */
    public <R> R runReplicated(QueueScript s, ReturnType type, List<String> keys, ReplicaWait wait, Object... args) {
        try {
            return this.<R>runReplicatedAsync(s, type, keys, wait, args).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Runs {@code s}, then Redis's WAIT for {@code wait}'s replicas, in one batch: WAIT counts the
     * replicas that hold the writes of its own connection, so the two must share one. Fails with
     * {@link ReplicationTimeoutException} when fewer replicas confirmed within the wait's timeout;
     * the script's writes stay on the master then, unconfirmed.
     */
    public <R> CompletionStage<R> runReplicatedAsync(QueueScript s, ReturnType type, List<String> keys, ReplicaWait wait,
            Object... args) {
        RBatch batch = redisson.createBatch(BatchOptions.defaults()
                .sync(wait.replicas(), wait.timeout())
                .responseTimeout(wait.timeout().toMillis() + REPLY_AFTER_WAIT_MS, TimeUnit.MILLISECONDS));
        // EVAL rather than EVALSHA: a batch cannot load a script Redis lost and go on; the client's
        // script cache turns it into EVALSHA where it can.
        RFuture<R> reply = batch.getScript(StringCodec.INSTANCE).evalAsync(Mode.READ_WRITE, s.source(), type, objects(keys), args);
        return batch.executeAsync().handle((BatchResult<?> result, Throwable error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                throw cause instanceof RedisException re ? translate(re)
                        : cause instanceof RuntimeException rt ? rt : new CompletionException(cause);
            }
            if (result.getSyncedSlaves() < wait.replicas()) {
                throw new ReplicationTimeoutException(result.getSyncedSlaves(), wait);
            }
            return reply.toCompletableFuture().join();
        });
    }

    private <R> CompletionStage<R> retryAfterLoad(QueueScript s, ReturnType type, List<String> keys, Object[] args, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RedisException re && isNoScript(re)) {
            return CompletableFuture.supplyAsync(() -> run(s, type, keys, args));
        }
        RuntimeException translated = cause instanceof RedisException re ? translate(re)
                : cause instanceof RuntimeException rt ? rt : new RuntimeException(cause);
        return CompletableFuture.failedFuture(translated);
    }

    private <R> R evalSha(QueueScript s, ReturnType type, List<String> keys, Object[] args) {
        return script.evalSha(Mode.READ_WRITE, s.sha(), type, objects(keys), args);
    }

    private static List<Object> objects(List<String> keys) {
        return new ArrayList<>(keys);
    }

    private static boolean isNoScript(RedisException e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    private static RuntimeException translate(RedisException e) {
        return QueueError.fromReply(e.getMessage())
                .<RuntimeException>map(code -> new QueueException(code, firstLine(e.getMessage())))
                .orElse(e);
    }

    private static String firstLine(String message) {
        int cut = message.indexOf(". channel:");
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
