package dev.ferry.api.support;

import dev.ferry.api.ApiServer;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TestConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** An {@link ApiServer} on a free port, over a test's Redis and a temporary data folder. */
public final class TestServer implements AutoCloseable {
    private final ApiServer server;
    private final DataFolder data;
    private final Http http;

    private TestServer(ApiServer server, DataFolder data) {
        this.server = server;
        this.data = data;
        this.http = new Http(server.port());
    }

    /** @param settings extra settings as name, value pairs, e.g. {@code "FERRY_MAX_QUEUED", 2} */
    public static TestServer start(RedisForTests redis, Path dataDir, List<? extends Demo> demos, Object... settings) {
        FerryConfig built = TestConfig.of(redis, dataDir).setAll(settings).build();
        DataFolder data = new DataFolder(built.dataDir());
        ApiServer server = ApiServer.start(built, redis.client(), DemoCatalog.of(List.copyOf(demos), Set.of()), data,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        return new TestServer(server, data);
    }

    public Http http() {
        return http;
    }

    public DataFolder data() {
        return data;
    }

    public int port() {
        return server.port();
    }

    /** The job folders in the data folder, of every demo. */
    public List<Path> jobFolders() {
        try (var dirs = Files.list(data.root().resolve("jobs"))) {
            return dirs.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job folders of one demo: a job's folder is named by its id, which starts with the demo's name. */
    public List<Path> jobFolders(Demo demo) {
        return jobFolders().stream().filter(p -> p.getFileName().toString().startsWith(demo.name() + "-")).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
