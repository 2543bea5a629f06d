package dev.ferry.app.runtime;

import dev.ferry.api.ApiServer;
import dev.ferry.api.RouteSet;
import dev.ferry.api.http.BindPolicy;
import dev.ferry.compat.CompatProtocols;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.InstalledDemos;
import dev.ferry.worker.Worker;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Ferry process: Redis, and an API, a worker or both, sharing one metrics registry.
 * Closing it stops the worker gracefully first (running jobs finish or are handed back),
 * then the API, then Redis.
 */
public final class FerryNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FerryNode.class);
    private final RedisRuntime redis;
    private final Optional<ApiServer> api;
    private final Optional<Worker> worker;
    private final DemoServices services;
    private final CountDownLatch closed = new CountDownLatch(1);

    private FerryNode(RedisRuntime redis, Optional<ApiServer> api, Optional<Worker> worker, DemoServices services) {
        this.redis = redis;
        this.api = api;
        this.worker = worker;
        this.services = services;
    }

    /**
     * Starts what this process runs, in order: Redis, the worker, the API.
     *
     * @throws IllegalStateException when the settings forbid this start, before anything has started
     */
    public static FerryNode start(FerryConfig config, boolean withApi, boolean withWorker, boolean mayEmbedRedis) {
        if (withApi) {
            // Checked first, so a refused API leaves no Redis, worker or job touched behind it.
            BindPolicy.check(config.api());
            CompatProtocols.check(config);
        }
        DataFolder data = new DataFolder(config.dataDir());
        // A FERRY_DEVICE=cuda:N that cannot run fails a worker's start here, before Redis or any job is touched.
        DemoServices services = withWorker ? DemoServices.forWorker(config) : DemoServices.forApi(config);
        DemoCatalog demos;
        RedisRuntime redis;
        try {
            demos = InstalledDemos.build(services);
            redis = RedisRuntime.open(config, data, mayEmbedRedis);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Optional<ApiServer> api = Optional.empty();
        Optional<Worker> worker = Optional.empty();
        try {
            if (withWorker) {
                worker = Optional.of(Worker.start(config, redis.client(), demos, data, metrics));
            }
            if (withApi) {
                List<RouteSet> compat = CompatProtocols.mount(new CompatProtocols.Services(config, demos, redis.client(), data,
                        services.media()));
                api = Optional.of(ApiServer.start(config, redis.client(), demos, data, metrics, compat));
            }
        } catch (RuntimeException e) {
            worker.ifPresent(Worker::close);
            redis.close();
            services.close();
            throw e;
        }
        LOG.info("demos served: {}; data folder: {}", demos.names(), data.root());
        return new FerryNode(redis, api, worker, services);
    }

    public Optional<ApiServer> api() {
        return api;
    }

    public Optional<Worker> worker() {
        return worker;
    }

    /** Blocks until {@link #close()} runs, e.g. from the SIGTERM shutdown hook. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Closes on SIGTERM / Ctrl-C. */
    public FerryNode closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "ferry-shutdown"));
        return this;
    }

    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        LOG.info("shutting down");
        worker.ifPresent(Worker::close);
        api.ifPresent(ApiServer::close);
        redis.close();
        services.close();
        closed.countDown();
    }
}
