package dev.ferry.api.http;

import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.redis.RedisOutage;
import dev.ferry.core.sources.SourceException;
import dev.ferry.core.storage.DiskFull;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRouting;
import org.redisson.RedissonShutdownException;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where exceptions become JSON error answers; nothing else writes an error body. */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    public static void install(JavalinDefaultRouting routes) {
        routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
        routes.exception(SourceException.class, (e, ctx) -> write(ctx, new ApiException(e.code(), e.getMessage())));
        routes.exception(InvalidParamException.class, (e, ctx) -> write(ctx, ApiException.invalidParam(e.field(), e.getMessage())));
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
        routes.exception(RedisException.class, (e, ctx) -> redisFailure(e, ctx));
        routes.exception(RedissonShutdownException.class, (e, ctx) -> redisFailure(e, ctx));
        routes.exception(Exception.class, (e, ctx) -> unexpected(e, ctx));
    }

    public static void write(Context ctx, ApiException e) {
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).json(ErrorBody.of(e));
    }

    /** Javalin's own refusals: no such route, wrong method, and the like. */
    private static ApiException fromJavalin(HttpResponseException e, Context ctx) {
        String message = switch (e.getStatus()) {
            case 404 -> "no route for " + ctx.method() + " " + ctx.path();
            case 405 -> ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> "the request body is too large";
            default -> e.getMessage();
        };
        return new ApiException(e.getStatus(), forStatus(e.getStatus()), message);
    }

    /** The code of an answer whose status Javalin or Jetty chose on their own. */
    static ErrorCode forStatus(int status) {
        return switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.TOO_LARGE;
            case 416 -> ErrorCode.RANGE_NOT_SATISFIABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
    }

    private static void redisFailure(RuntimeException e, Context ctx) {
        if (isUnavailable(e)) {
            LOG.warn("Redis unavailable during {} {}: {}", ctx.method(), ctx.path(), e.toString());
            write(ctx, unavailable());
        } else {
            unexpected(e, ctx);
        }
    }

    public static ApiException unavailable() {
        return new ApiException(ErrorCode.REDIS_UNAVAILABLE, "the job store (Redis) is unavailable; try again shortly")
                .withHeader("Retry-After", "5");
    }

    public static boolean isUnavailable(Throwable e) {
        return RedisOutage.is(e);
    }

    /** The data folder's disk filled up while a request's files were written; those are removed by whoever wrote them. */
    public static ApiException diskFull() {
        return new ApiException(ErrorCode.INSUFFICIENT_STORAGE, "the data folder's disk is full; nothing new can be stored"
                + " until space is freed");
    }

    private static void unexpected(Exception e, Context ctx) {
        if (DiskFull.causedBy(e)) {
            LOG.warn("the data folder's disk is full during {} {}: {}", ctx.method(), ctx.path(), e.toString());
            write(ctx, diskFull());
            return;
        }
        LOG.error("unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
        write(ctx, new ApiException(ErrorCode.INTERNAL_ERROR, "something went wrong on the server; it was logged"));
    }
}
