package dev.ferry.compat.dsac;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import dev.ferry.demos.media.MediaException;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;

/**
 * DSAC answered through an API gateway whose body was {@code json.dumps(message)}: a JSON
 * string, such as {@code "Bad request: SR not present in POST headers"} with 400. Ferry answers
 * every refusal of these routes so, with the status that fits (the native refusals keep theirs,
 * and their headers, such as {@code Retry-After}).
 */
final class DsacErrors {
    private DsacErrors() {}

    static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (DsacException e) {
                write(ctx, e.status().getCode(), e.getMessage());
            } catch (ApiException e) {
                e.headers().forEach(ctx::header);
                write(ctx, e.status(), "Bad request: " + e.getMessage());
            } catch (MediaException e) {
                write(ctx, fetchStatus(e.errorCode()), "OBJECT_URL cannot be used: " + e.getMessage());
            }
        };
    }

    /** The caller's address is at fault (400, 413); else the server it names is (502). */
    static int fetchStatus(ErrorCode code) {
        return switch (code) {
            case BAD_URL, URL_REFUSED -> HttpStatus.BAD_REQUEST.getCode();
            case FETCH_TOO_LARGE -> ErrorCode.TOO_LARGE.status().orElseThrow();
            default -> HttpStatus.BAD_GATEWAY.getCode();
        };
    }

    private static void write(Context ctx, int status, String message) {
        ctx.status(status).contentType("application/json").result(Json.write(message));
    }
}
