package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import io.javalin.http.Context;
import java.util.Locale;

/** The two body formats a submit accepts, told apart by Content-Type before any byte is read. */
enum BodyKind {
    JSON, MULTIPART, NONE;

    static BodyKind of(Context ctx) {
        String type = ctx.contentType();
        if (type == null || type.isBlank()) {
            if (hasBody(ctx)) {
                throw unsupported("(none)");
            }
            return NONE;
        }
        int semicolon = type.indexOf(';');
        String bare = (semicolon >= 0 ? type.substring(0, semicolon) : type).strip().toLowerCase(Locale.ROOT);
        return switch (bare) {
            case "application/json" -> JSON;
            case "multipart/form-data" -> MULTIPART;
            default -> throw unsupported(bare);
        };
    }

    private static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    private static ApiException unsupported(String type) {
        return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "send the job as application/json or multipart/form-data, not " + type);
    }
}
