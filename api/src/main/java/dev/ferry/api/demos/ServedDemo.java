package dev.ferry.api.demos;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.error.ErrorCode;
import io.javalin.http.Context;

/** The demo a request's path names, refused with 404 {@code unknown_demo} unless this server runs it. */
public final class ServedDemo {
    private ServedDemo() {}

    public static String of(Context ctx, DemoCatalog demos) {
        String demo = ctx.pathParam("demo");
        if (!demos.names().contains(demo)) {
            throw new ApiException(ErrorCode.UNKNOWN_DEMO, "no demo named '" + demo + "'; this server runs " + demos.names());
        }
        return demo;
    }
}
