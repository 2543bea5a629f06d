package dev.ferry.api.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.api.http.ErrorBody;
import dev.ferry.core.error.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * GET /health: 200 when Redis answers within a second, else 503. The ping is asynchronous
 * and abandoned at the deadline, so the answer stays fast while Redisson retries a dead server.
 */
public final class HealthHandler implements Handler {
    static final long TIMEOUT_MS = 1_000;
    private final RedissonClient redis;

    public HealthHandler(RedissonClient redis) {
        this.redis = redis;
    }

    @Override
    public void handle(Context ctx) {
        CompletableFuture<Object> ping = null;
        try {
            ping = redis.getScript(StringCodec.INSTANCE)
                    .evalAsync(RScript.Mode.READ_ONLY, "return 'PONG'", RScript.ReturnType.VALUE)
                    .toCompletableFuture();
            ping.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            ctx.json(new Health("ok", Optional.empty()));
        } catch (TimeoutException e) {
            ping.cancel(true);
            unavailable(ctx, "Redis did not answer within " + TIMEOUT_MS + " ms");
        } catch (ExecutionException | RuntimeException e) {
            unavailable(ctx, "Redis cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(ctx, "interrupted while checking Redis");
        }
    }

    private static void unavailable(Context ctx, String message) {
        ctx.status(503).header("Retry-After", "5").json(new Health("unavailable", Optional.of(ErrorBody.of(ErrorCode.REDIS_UNAVAILABLE, message).error())));
    }

    record Health(String status, @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<ErrorBody.Detail> error) {}
}
