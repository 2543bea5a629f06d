package dev.ferry.api;

import dev.ferry.api.http.JsonErrorHandler;
import dev.ferry.core.json.Json;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.javalin.router.JavalinDefaultRouting;
import java.time.Duration;
import java.util.function.Consumer;

/** Javalin and Jetty settings of the API, in one place. */
final class JavalinSetup {
    private JavalinSetup() {}

    /** @param idleTimeout FERRY_HTTP_IDLE_TIMEOUT_S: how long a request waits on a client that neither sends nor reads */
    static void configure(JavalinConfig config, Duration idleTimeout, Consumer<JavalinDefaultRouting> routes) {
        config.showJavalinBanner = false;
        config.startupWatcherEnabled = false;
        config.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        config.http.prefer405over404 = true;
        // Files are streamed with exact Content-Length and byte ranges; compressing would break both.
        config.http.disableCompression();
        // Multipart spooling and limits (UploadLimits) are handed to Jetty per request, see MultipartSubmitReader.
        config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        // Applies while a request is being handled, so a stalled upload gives its thread back; an
        // event stream is kept alive by its own pings (JobEventStream.KEEP_ALIVE_MS), sent more often.
        config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(idleTimeout.toMillis()));
        config.router.mount(routes);
    }
}
