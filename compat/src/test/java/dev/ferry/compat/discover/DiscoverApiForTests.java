package dev.ferry.compat.discover;

import dev.ferry.api.support.Http;
import dev.ferry.compat.CompatForTests;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.job.Job;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.DemoServices;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TempFolder;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The API serving discover's routes (FERRY_COMPAT=discover) for one test class: a Redis of its
 * own, a temporary data folder, the class's demos, and a client over real HTTP. Register it with
 * {@code @RegisterExtension static final DiscoverApiForTests api = DiscoverApiForTests.serving(services -> List.of(...));}.
 */
final class DiscoverApiForTests implements BeforeAllCallback, AfterAllCallback {
    private final RedisForTests redis = new RedisForTests();
    private final Function<DemoServices, List<Demo>> demoFactory;
    private TempFolder folders;
    private CompatForTests ferry;
    private Http http;

    private DiscoverApiForTests(Function<DemoServices, List<Demo>> demoFactory) {
        this.demoFactory = demoFactory;
    }

    static DiscoverApiForTests serving(Function<DemoServices, List<Demo>> demos) {
        return new DiscoverApiForTests(demos);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        redis.beforeAll(context);
        folders = TempFolder.create("ferry-compat-");
        ferry = CompatForTests.start(redis, folders.newFolder("data-"), false, demoFactory,
                "FERRY_COMPAT", "discover", "FERRY_ALLOW_PRIVATE_URLS", "true");
        http = new Http(ferry.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (ferry != null) {
                ferry.close();
            }
        } finally {
            redis.afterAll(context);
            if (folders != null) {
                folders.close();
            }
        }
    }

    Http http() {
        return http;
    }

    FerryConfig config() {
        return ferry.config();
    }

    DataFolder data() {
        return ferry.data();
    }

    RedisForTests redis() {
        return redis;
    }

    /** The job a tracking id names, looked up as the routes do. */
    Job job(String tracking) {
        JobReader reader = new JobReader(redis.client());
        return TrackingId.candidates(tracking, ferry.demos().names()).stream().map(reader::get).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> new AssertionError("no job for tracking id " + tracking));
    }
}
