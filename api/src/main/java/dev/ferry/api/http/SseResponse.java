package dev.ferry.api.http;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Opens a Server-Sent Events answer the way Javalin's {@code SseHandler} does, minus its check
 * that {@code Accept} is exactly {@code text/event-stream}: curl sends {@code *}{@code /*} and
 * browsers a list, so whether to stream is decided by {@link AcceptHeader} beforehand.
 */
public final class SseResponse {
    public static final String EVENT_STREAM = "text/event-stream";

    private SseResponse() {}

    public static void open(Context ctx, Consumer<SseClient> client) throws IOException {
        ctx.res().setStatus(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType(EVENT_STREAM);
        ctx.res().addHeader("Connection", "close");
        ctx.res().addHeader("Cache-Control", "no-cache");
        // Tells a proxy such as nginx to pass events on at once instead of buffering them.
        ctx.res().addHeader("X-Accel-Buffering", "no");
        ctx.res().flushBuffer();
        ctx.async(config -> config.timeout = 0, () -> client.accept(new SseClient(ctx)));
    }
}
