package dev.ferry.core.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
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
