package dev.ferry.api.support;

import dev.ferry.core.demo.Demo;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TempFolder;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The API for one test class: a Redis of its own, temporary data folders, and one
 * {@link TestServer} serving the class's demos to all its tests, talked to through
 * {@link #http()}. Register it with
 * {@code @RegisterExtension static final ApiForTests api = ApiForTests.serving(echo, images);},
 * or with {@link #withoutServer()} where every test starts a server of its own settings
 * through {@link #start}.
 */
public final class ApiForTests implements BeforeAllCallback, AfterAllCallback {
    private final RedisForTests redis = new RedisForTests();
    private final List<Demo> demos;
    private final Http http = new Http(() -> server().port());
    private TempFolder folders;
    private TestServer server;

    private ApiForTests(List<Demo> demos) {
        this.demos = demos;
    }

    public static ApiForTests serving(Demo... demos) {
        return new ApiForTests(List.of(demos));
    }

    public static ApiForTests withoutServer() {
        return new ApiForTests(List.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        redis.beforeAll(context);
        folders = TempFolder.create("ferry-api-");
        if (!demos.isEmpty()) {
            server = start(demos);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            redis.afterAll(context);
            if (folders != null) {
                folders.close();
            }
        }
    }

    /**
     * A server of its own over the class's Redis, in a fresh data folder; the caller closes it.
     * @param settings extra settings as name, value pairs, e.g. {@code "FERRY_MAX_QUEUED", 2}
     */
    public TestServer start(List<? extends Demo> demos, Object... settings) {
        return TestServer.start(redis, folders.newFolder("data-"), demos, settings);
    }

    /** The server of the class's demos. */
    public TestServer server() {
        if (server == null) {
            throw new IllegalStateException("the server starts before the class's tests, and only when it has demos");
        }
        return server;
    }

    /** A client of {@link #server()}, usable once the class's tests run. */
    public Http http() {
        return http;
    }

    public RedisForTests redis() {
        return redis;
    }
}
