package dev.ferry.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.ApiServer;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.DemoServices;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TestConfig;
import dev.ferry.worker.Worker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.redisson.api.RedissonClient;

/**
 * A Ferry API speaking the protocols of {@code FERRY_COMPAT}, with or without a worker in the
 * same process (as `ferry up` runs them), on a test class's Redis and data folder; spoken to
 * over real HTTP.
 */
public final class CompatForTests implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final FerryConfig config;
    private final DemoServices apiServices;
    private final ApiServer api;
    private final Optional<Worker> worker;
    private final Optional<DemoServices> workerServices;
    private final Optional<RedissonClient> workerRedis;
    private final JobReader reader;
    private final DemoCatalog demos;

    private CompatForTests(FerryConfig config, DemoServices apiServices, ApiServer api, Optional<Worker> worker,
            Optional<DemoServices> workerServices, Optional<RedissonClient> workerRedis, JobReader reader, DemoCatalog demos) {
        this.demos = demos;
        this.config = config;
        this.apiServices = apiServices;
        this.api = api;
        this.worker = worker;
        this.workerServices = workerServices;
        this.workerRedis = workerRedis;
        this.reader = reader;
    }

    /**
     * @param demos    the demos served, built from a process's services
     * @param settings name, value pairs as in .env, on top of the test defaults
     */
    public static CompatForTests start(RedisForTests redis, Path dataDir, boolean withWorker,
            Function<DemoServices, List<Demo>> demos, Object... settings) {
        FerryConfig config = TestConfig.of(redis, dataDir).setAll(settings).build();
        DataFolder data = new DataFolder(config.dataDir());
        DemoServices apiServices = DemoServices.forApi(config);
        DemoCatalog catalog = DemoCatalog.of(demos.apply(apiServices), Set.of());
        ApiServer api = ApiServer.start(config, redis.client(), catalog, data, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                CompatProtocols.mount(new CompatProtocols.Services(config, catalog, redis.client(), data, apiServices.media())));
        if (!withWorker) {
            return new CompatForTests(config, apiServices, api, Optional.empty(), Optional.empty(), Optional.empty(),
                    new JobReader(redis.client()), catalog);
        }
        // the worker has its own services and Redis connection, as a separate process would
        DemoServices workerServices = DemoServices.forWorker(config);
        RedissonClient workerRedis = redis.newClient();
        Worker worker = Worker.start(config, workerRedis, DemoCatalog.of(demos.apply(workerServices), Set.of()), data,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        return new CompatForTests(config, apiServices, api, Optional.of(worker), Optional.of(workerServices),
                Optional.of(workerRedis), new JobReader(redis.client()), catalog);
    }

    public FerryConfig config() {
        return config;
    }

    /** The demos the API serves. */
    public DemoCatalog demos() {
        return demos;
    }

    public int port() {
        return api.port();
    }

    public Job job(String id) {
        return reader.get(JobId.fromWire(id)).orElseThrow(() -> new AssertionError("no job " + id));
    }

    /** The ids of the jobs whose folders the data folder holds (a job's inputs are stored when it is queued). */
    public List<JobId> jobIds() {
        Path jobs = data().root().resolve("jobs");
        try (var folders = java.nio.file.Files.list(jobs)) {
            return folders.map(f -> JobId.parse(f.getFileName().toString())).flatMap(Optional::stream).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    public DataFolder data() {
        return new DataFolder(config.dataDir());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    /** A request sent, its answer read whole. */
    public CompletableFuture<Answer> send(HttpRequest request) {
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(Answer::new);
    }

    public Answer call(HttpRequest request) {
        return send(request).join();
    }

    @Override
    public void close() {
        api.close();
        worker.ifPresent(Worker::close);
        workerRedis.ifPresent(RedissonClient::shutdown);
        workerServices.ifPresent(DemoServices::close);
        apiServices.close();
    }

    /** An HTTP answer. */
    public record Answer(int status, HttpResponse<byte[]> response) {
        Answer(HttpResponse<byte[]> response) {
            this(response.statusCode(), response);
        }

        public String text() {
            return new String(response.body(), StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(response.body());
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }
    }
}
