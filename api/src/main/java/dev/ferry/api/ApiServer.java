package dev.ferry.api;

import dev.ferry.api.demos.DemosHandler;
import dev.ferry.api.demos.QueuePauseHandler;
import dev.ferry.api.http.ApiKeyAuth;
import dev.ferry.api.http.BindPolicy;
import dev.ferry.api.jobs.CancelJobHandler;
import dev.ferry.api.jobs.DeadLettersHandler;
import dev.ferry.api.jobs.FerryWebhookFormat;
import dev.ferry.api.jobs.GetJobHandler;
import dev.ferry.api.jobs.JobEventsHandler;
import dev.ferry.api.jobs.JobFileListHandler;
import dev.ferry.api.jobs.JobFilesHandler;
import dev.ferry.api.jobs.JobInputsHandler;
import dev.ferry.api.jobs.JobViews;
import dev.ferry.api.jobs.JobWebhooksHandler;
import dev.ferry.api.jobs.ListJobsHandler;
import dev.ferry.api.jobs.SubmitChecks;
import dev.ferry.api.jobs.SubmitHandler;
import dev.ferry.api.jobs.UploadLimits;
import dev.ferry.api.jobs.ValidateHandler;
import dev.ferry.api.jobs.WebhookRequests;
import dev.ferry.api.metrics.FerryMeters;
import dev.ferry.api.metrics.MetricsHandler;
import dev.ferry.api.metrics.ProcessMeters;
import dev.ferry.api.monitor.DataFolderUsage;
import dev.ferry.api.monitor.HealthHandler;
import dev.ferry.api.monitor.MonitorHandler;
import dev.ferry.api.sources.SourcesHandler;
import dev.ferry.api.ui.WebApp;
import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.net.AddressGuard;
import dev.ferry.core.queue.DeadLetters;
import dev.ferry.core.queue.JobEstimator;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.QueueMonitor;
import dev.ferry.core.queue.QueuePause;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.Submissions;
import dev.ferry.core.queue.WebhookOutbox;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.core.queue.WorkerRegistry;
import dev.ferry.core.sources.SourceStore;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.webhook.RetrySchedule;
import dev.ferry.core.webhook.WebhookDispatcher;
import dev.ferry.core.webhook.WebhookFormat;
import dev.ferry.core.webhook.WebhookFormats;
import dev.ferry.core.webhook.WebhookSecrets;
import dev.ferry.core.webhook.WebhookSigner;
import dev.ferry.core.webhook.WebhookStats;
import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API: start it, ask its port, close it. The routes are in {@link ApiRoutes}. */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private final Javalin app;
    private final JobEventsHandler events;
    private final FerryMeters meters;
    private final ProcessMeters processMeters;
    private final ScheduledExecutorService timer;
    private final WebhookDispatcher webhooks;
    private final List<RouteSet> extraRoutes;

    private ApiServer(Javalin app, JobEventsHandler events, FerryMeters meters, ProcessMeters processMeters,
            ScheduledExecutorService timer, WebhookDispatcher webhooks, List<RouteSet> extraRoutes) {
        this.app = app;
        this.events = events;
        this.meters = meters;
        this.processMeters = processMeters;
        this.timer = timer;
        this.webhooks = webhooks;
        this.extraRoutes = extraRoutes;
    }

    /**
     * Creates the served demos' queues in Redis and starts listening on
     * {@code config.api().host()} and {@code port()} (0 picks a free port).
     *
     * @throws IllegalStateException when asked to listen beyond this machine without API keys
     */
    public static ApiServer start(FerryConfig config, RedissonClient redis, DemoCatalog demos, DataFolder data,
            PrometheusMeterRegistry metrics) {
        return start(config, redis, demos, data, metrics, List.of());
    }

    /**
     * As {@link #start(FerryConfig, RedissonClient, DemoCatalog, DataFolder, PrometheusMeterRegistry)}, with
     * more route sets mounted beside the native routes, and their webhook body formats beside Ferry's own
     * (the compatibility protocols).
     */
    public static ApiServer start(FerryConfig config, RedissonClient redis, DemoCatalog demos, DataFolder data,
            PrometheusMeterRegistry metrics, List<RouteSet> extraRoutes) {
        BindPolicy.check(config.api());
        for (String demo : demos.names()) {
            WorkQueue.ensureGroups(redis, demo);
        }
        // Read first: a malformed FERRY_WEBHOOK_SECRETS stops the start before anything runs.
        WebhookSigner signer = new WebhookSigner(WebhookSecrets.resolve(config.webhooks(), data.root()));
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, DaemonThreads.numbered("ferry-api-timer"));
        RedisScripts scripts = new RedisScripts(redis);
        JobReader reader = new JobReader(redis);
        WorkerRegistry workers = new WorkerRegistry(scripts);
        QueueMonitor queues = new QueueMonitor(redis, workers);
        // An idempotency key is remembered as long as the job it names is kept.
        Submissions submissions = new Submissions(scripts, config.queue().maxQueued(), config.queue().retention(),
                config.redis().submitWait());
        WebhookOutbox outbox = new WebhookOutbox(scripts, config.queue().retention());
        WebhookStats webhookStats = new WebhookStats();
        FerryMeters meters = new FerryMeters(metrics, demos.names(), queues, workers, config.queue().workerDeadAfter());
        meters.webhooks(webhookStats, () -> outbox.pending(demos.names()));
        List<WebhookFormat> formats = new ArrayList<>(List.of(new FerryWebhookFormat()));
        extraRoutes.forEach(set -> formats.addAll(set.webhookFormats()));
        WebhookFormats knownFormats = new WebhookFormats(formats);
        AddressGuard guard = new AddressGuard(config.media().allowPrivateUrls());
        WebhookRequests webhookRequests = new WebhookRequests(guard, knownFormats.names());
        QueuePause pause = new QueuePause(scripts);
        UploadLimits limits = new UploadLimits(config.api().maxUploadBytes(), spoolDir(data));
        SubmitChecks checks = new SubmitChecks(config.queue().maxTimeLimit(), reader, data, webhookRequests);
        JobViews views = new JobViews(new JobEstimator(scripts, workers, config.queue().workerDeadAfter()));
        JobEventsHandler events = new JobEventsHandler(reader, redis, timer, views);
        WebApp webApp = WebApp.load();
        ApiRoutes routes = new ApiRoutes(
                new ApiKeyAuth(config.api().apiKeys(), ApiRoutes.openPaths(webApp)),
                new SubmitHandler(config, demos, data, submissions, reader, views, limits, checks, meters::submitted),
                new ValidateHandler(demos, checks),
                new GetJobHandler(reader, views),
                new ListJobsHandler(reader, demos),
                new CancelJobHandler(submissions, reader, views),
                events,
                new JobFileListHandler(reader),
                JobFilesHandler.outputs(data),
                new JobInputsHandler(reader, data),
                JobFilesHandler.inputs(data),
                new DemosHandler(demos, pause),
                new MonitorHandler(demos, queues, workers, new DataFolderUsage(data), config.queue().workerDeadAfter()),
                new HealthHandler(redis),
                new MetricsHandler(meters, timer),
                new QueuePauseHandler(demos, pause),
                new DeadLettersHandler(demos, new DeadLetters(scripts, reader), reader, data),
                new JobWebhooksHandler(reader, outbox),
                new SourcesHandler(new SourceStore(data, config.media()), limits, data, config.api().minFreeBytes()),
                webApp,
                extraRoutes);
        Javalin app = Javalin.create(javalin -> JavalinSetup.configure(javalin, config.api().idleTimeout(), routes::register));
        try {
            app.start(config.api().host(), config.api().port());
            startAll(extraRoutes);
        } catch (RuntimeException e) {
            app.stop();
            events.close();
            meters.close();
            timer.shutdownNow();
            throw e;
        }
        ProcessMeters processMeters = ProcessMeters.bind(metrics, app.jettyServer());
        WebhookDispatcher dispatcher = WebhookDispatcher.start(outbox, List.copyOf(demos.names()), knownFormats, guard, signer,
                new RetrySchedule(config.webhooks().retryDelays(), new SplittableRandom()), webhookStats);
        LOG.info("API listening on http://{}:{} for demos {}", config.api().host(), app.port(), demos.names());
        return new ApiServer(app, events, meters, processMeters, timer, dispatcher, List.copyOf(extraRoutes));
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        extraRoutes.forEach(RouteSet::stop);
        webhooks.close();
        events.close();
        app.stop();
        meters.close();
        processMeters.close();
        timer.shutdownNow();
    }

    /** Starts each route set's own servers; if one cannot start, those started before it stop again. */
    private static void startAll(List<RouteSet> sets) {
        List<RouteSet> started = new ArrayList<>();
        try {
            for (RouteSet set : sets) {
                set.start();
                started.add(set);
            }
        } catch (RuntimeException e) {
            started.forEach(RouteSet::stop);
            throw e;
        }
    }

    /** Where Jetty spools multipart uploads: inside the data folder, so on the disk whose free space is checked. */
    private static Path spoolDir(DataFolder data) {
        Path dir = data.root().resolve("tmp").resolve("uploads");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

}
