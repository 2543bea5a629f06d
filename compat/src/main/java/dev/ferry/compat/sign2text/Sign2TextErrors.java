package dev.ferry.compat.sign2text;

import dev.ferry.api.http.ApiException;
import dev.ferry.compat.waiting.ResultWaits;
import dev.ferry.compat.waiting.TooBusy;
import dev.ferry.core.error.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;

/**
 * Errors as FastAPI answers them, which Sign2Text's clients read: {@code {"detail": <reason>}}
 * with the status, and a validation error (422) as a list of {@code {"loc", "msg", "type"}}.
 * A server that cannot take the video now says so with 503 and {@code Retry-After} (the
 * original crashed under simultaneous requests and dropped the connections).
 */
final class Sign2TextErrors {
    private Sign2TextErrors() {}

    static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (ApiException e) {
                refused(ctx, e);
            } catch (TooBusy e) {
                unavailable(ctx, e.getMessage());
            }
        };
    }

    /** A native refusal in FastAPI's shape; a full queue is "busy", as the client can do nothing but wait. */
    static void refused(Context ctx, ApiException e) {
        if (e.code() == ErrorCode.QUEUE_FULL) {
            unavailable(ctx, e.getMessage());
            return;
        }
        e.headers().forEach(ctx::header);
        detail(ctx, e.status(), e.getMessage());
    }

    static void unavailable(Context ctx, String reason) {
        ctx.header("Retry-After", Integer.toString(ResultWaits.RETRY_AFTER_S));
        detail(ctx, 503, reason);
    }

    static void detail(Context ctx, int status, String reason) {
        ctx.status(status).json(Map.of("detail", reason));
    }

    /** pydantic's answer for a required form field the request does not have. */
    static void missingField(Context ctx, String field) {
        ctx.status(422).json(Map.of("detail", List.of(Map.of(
                "loc", List.of("body", field), "msg", "field required", "type", "value_error.missing"))));
    }
}
