package dev.ferry.compat.discover;

import dev.ferry.api.ApiServer;
import dev.ferry.api.support.Http;
import dev.ferry.compat.CompatProtocols;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.job.Job;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.DemoServices;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TempFolder;
import dev.ferry.testkit.TestConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private FerryConfig config;
    private DemoServices services;
    private DataFolder data;
    private DemoCatalog demos;
    private ApiServer server;
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
        config = TestConfig.of(redis, folders.newFolder("data-")).set("FERRY_COMPAT", "discover")
                .set("FERRY_ALLOW_PRIVATE_URLS", "true").build();
        services = DemoServices.forApi(config);
        data = new DataFolder(config.dataDir());
        demos = DemoCatalog.of(demoFactory.apply(services), Set.of());
        server = ApiServer.start(config, redis.client(), demos, data, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                CompatProtocols.mount(new CompatProtocols.Services(config, demos, redis.client(), data, services.media())));
        http = new Http(server.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (server != null) {
                server.close();
            }
            if (services != null) {
                services.close();
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
        return config;
    }

    DataFolder data() {
        return data;
    }

    RedisForTests redis() {
        return redis;
    }

    /** The job a tracking id names, looked up as the routes do. */
    Job job(String tracking) {
        JobReader reader = new JobReader(redis.client());
        return TrackingId.candidates(tracking, demos.names()).stream().map(reader::get).flatMap(Optional::stream)
                .findFirst().orElseThrow(() -> new AssertionError("no job for tracking id " + tracking));
    }
}
