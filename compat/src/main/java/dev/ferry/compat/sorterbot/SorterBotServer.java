package dev.ferry.compat.sorterbot;

import io.javalin.Javalin;
import java.time.Duration;

/**
 * The WebSocket server the arms dial ({@code ws://<host>:6000}), a small Javalin of its own
 * beside the API's: the arms expect their own port, and its messages are not HTTP routes.
 */
final class SorterBotServer implements AutoCloseable {
    /** A photo from the arm's camera is a few MiB; the original took 2 MB. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** Commands for a whole session can take minutes to compute; the arm waits on an idle connection. */
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    private final Javalin app;

    private SorterBotServer(Javalin app) {
        this.app = app;
    }

    static SorterBotServer start(String host, int port, ArmHandler handler) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
                factory.setMaxTextMessageSize(1024 * 1024);
                factory.setIdleTimeout(IDLE_TIMEOUT);
            });
            config.router.mount(routes -> routes.ws("/", ws -> {
                ws.onBinaryMessage(handler::onBinary);
                ws.onMessage(handler::onText);
            }));
        });
        app.start(host, port);
        return new SorterBotServer(app);
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
