package dev.ferry.compat.discover;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * discover's clients read {@code error} from a failed answer's body (discover-api
 * app/shared/routes.py, {@code error_wrapper}: {@code {"error": str(e), "traceback"}}, sent with
 * status 200). Ferry answers the right status with {@code {"error": <reason>, "code": <Ferry's
 * error code>, "field"?}}: the same field for those clients, and no traceback.
 */
final class DiscoverErrors {
    private DiscoverErrors() {}

    static Handler guarded(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (ApiException e) {
                write(ctx, e);
            }
        };
    }

    static void write(Context ctx, ApiException e) {
        Map<String, Object> body = body(e.getMessage(), e.code());
        e.field().ifPresent(field -> body.put("field", field));
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).json(body);
    }

    /** Something Ferry fetches on the client's behalf failed: 502, with the fetch's own code. */
    static void badGateway(Context ctx, ErrorCode code, String message) {
        ctx.status(HttpStatus.BAD_GATEWAY).json(body(message, code));
    }

    private static Map<String, Object> body(String message, ErrorCode code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("code", code.wireName());
        return body;
    }
}
