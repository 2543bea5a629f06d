package dev.ferry.app.support;

import dev.ferry.app.runtime.FerryNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TestConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform for one test class, as `ferry up` runs it: a Redis of its own, a
 * temporary data folder, and the API and a worker in this process, talked to over real HTTP
 * through {@link #api()}. Register it with
 * {@code @RegisterExtension static final FerryForTests ferry = FerryForTests.serving("asr");}.
 */
public final class FerryForTests implements BeforeAllCallback, AfterAllCallback {
    private final RedisForTests redis = new RedisForTests();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final ApiCalls api = new ApiCalls(() -> node().api().orElseThrow().port());
    private BeforeStart beforeStart = config -> { };
    private Path data;
    private FerryNode node;

    /** What a test puts in the data folder before the node starts, such as the models its demo needs. */
    @FunctionalInterface
    public interface BeforeStart {
        void prepare(FerryConfig config) throws Exception;
    }

    private FerryForTests() {}

    /** @param demos the demos to serve, comma-separated as in {@code FERRY_DEMOS} */
    public static FerryForTests serving(String demos) {
        return new FerryForTests().set("FERRY_DEMOS", demos);
    }

    /** A setting on top of the test defaults, as in .env. */
    public FerryForTests set(String name, Object value) {
        settings.put(name, value);
        return this;
    }

    public FerryForTests beforeStart(BeforeStart step) {
        this.beforeStart = step;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        redis.beforeAll(context);
        data = Files.createTempDirectory("ferry-e2e-");
        TestConfig config = TestConfig.of(redis, data);
        settings.forEach(config::set);
        FerryConfig built = config.build();
        beforeStart.prepare(built);
        node = FerryNode.start(built, true, true, false);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            redis.afterAll(context);
            deleteTree(data);
        }
    }

    /** The node's API; usable once the class's tests run. */
    public ApiCalls api() {
        return api;
    }

    /** The Redis the node uses, for tests that stop and start it under the node. */
    public RedisForTests redis() {
        return redis;
    }

    /** The node's data folder. */
    public Path data() {
        return data;
    }

    /** The API's base URL, e.g. for the CLI's {@code --url}. */
    public String url() {
        return api.base();
    }

    private FerryNode node() {
        if (node == null) {
            throw new IllegalStateException("the Ferry node starts before the test class's tests");
        }
        return node;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
