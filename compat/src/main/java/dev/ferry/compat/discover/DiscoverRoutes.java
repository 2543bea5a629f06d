package dev.ferry.compat.discover;

import static dev.ferry.compat.discover.DiscoverErrors.guarded;

import dev.ferry.api.RouteSet;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.api.monitor.DataFolderUsage;
import dev.ferry.compat.CompatProtocols;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.QueueMonitor;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.Submissions;
import dev.ferry.core.queue.WorkerRegistry;
import dev.ferry.core.sources.SourceStore;
import dev.ferry.core.webhook.WebhookFormat;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;

/**
 * discover-api's protocol (github.com/Aikon-platform/discover-api), as its front-end
 * discover-demo calls it: per demo prefix, start, status, cancel, result, qsizes, monitor,
 * models and monitor/clear; the dataset routes; the watermarks routes; and the watermark sources.
 * A prefix is mounted when its demo is served; the sources always are, as Ferry's own API serves them.
 */
public final class DiscoverRoutes implements RouteSet {
    /** discover's prefixes that are Ferry demos of the same name. */
    static final List<String> PREFIXES = List.of("regions", "vectorization", "clustering", "similarity");
    private final DemoCatalog demos;
    private final DiscoverJobs jobs;
    private final TaskRoutes tasks;
    private final QueueRoutes queues;
    private final DatasetRoutes datasets;
    private final SourceStore sourceStore;
    private final WatermarkSourceRoutes sources;

    public DiscoverRoutes(CompatProtocols.Services services) {
        RedisScripts scripts = new RedisScripts(services.redis());
        this.demos = services.demos();
        this.jobs = new DiscoverJobs(services.demos(), new JobReader(services.redis()), services.data());
        this.tasks = new TaskRoutes(jobs, new Submissions(scripts, services.config().queue().maxQueued(),
                services.config().queue().retention()));
        this.queues = new QueueRoutes(new QueueMonitor(services.redis(), new WorkerRegistry(scripts)),
                new DataFolderUsage(services.data()));
        this.datasets = new DatasetRoutes(jobs, new DocumentImages(services.media(), services.data()));
        this.sourceStore = new SourceStore(services.data(), services.config().media());
        this.sources = new WatermarkSourceRoutes(sourceStore);
    }

    @Override
    public List<WebhookFormat> webhookFormats() {
        return List.of(new DiscoverCallbacks(jobs.data()));
    }

    @Override
    public void register(JavalinDefaultRouting r, JobSubmitter submitter) {
        StartHandler start = new StartHandler(submitter, jobs.data());
        for (String prefix : PREFIXES) {
            demos.find(prefix).ifPresent(demo -> registerPrefix(r, demo, start));
        }
        r.get("/datasets/dataset/{tracking_id}", guarded(datasets::dataset));
        r.get("/datasets/document/{dtype}/{tracking_id}/{uid}", guarded(datasets::document));
        // before the annotation files' route, which the same path also matches
        r.get("/datasets/document/{dtype}/{tracking_id}/{uid}/download", guarded(datasets::download));
        r.get("/datasets/document/{dtype}/{tracking_id}/{uid}/{anno_file}", guarded(datasets::annotations));
        r.get("/watermarks/sources", guarded(sources::list));
        r.get("/watermarks/sources/{uid}/images.zip", guarded(sources::images));
        r.get("/watermarks/sources/{uid}/index.json", guarded(sources::index));
        if (demos.find(WatermarkStart.DEMO).isPresent()) {
            registerWatermarks(r, new WatermarkStart(submitter, sourceStore, jobs.data()));
        }
    }

    /** discover's watermarks blueprint (app/watermarks/routes.py): its own start, result path and clear answers. */
    private void registerWatermarks(JavalinDefaultRouting r, WatermarkStart start) {
        r.post("/watermarks/start", guarded(start::handle));
        r.get("/watermarks/{tracking_id}/status", guarded(tasks::status));
        r.post("/watermarks/{tracking_id}/cancel", guarded(tasks::cancel));
        r.get("/watermarks/task/{tracking_id}/result", guarded(tasks::result));
        r.post("/watermarks/monitor/clear", guarded(queues::clearWatermarks));
        r.post("/watermarks/monitor/clear/{tracking_id}", guarded(queues::clearWatermarks));
    }

    private void registerPrefix(JavalinDefaultRouting r, Demo demo, StartHandler start) {
        String p = "/" + demo.name();
        r.post(p + "/start", guarded(ctx -> start.handle(ctx, demo.name())));
        r.get(p + "/{tracking_id}/status", guarded(tasks::status));
        r.post(p + "/{tracking_id}/cancel", guarded(tasks::cancel));
        r.get(p + "/{tracking_id}/result", guarded(tasks::result));
        r.get(p + "/qsizes", guarded(ctx -> queues.qsizes(ctx, demo)));
        r.get(p + "/monitor", guarded(ctx -> queues.monitor(ctx, demo)));
        r.get(p + "/models", guarded(ctx -> queues.models(ctx, demo)));
        // discover-demo posts to monitor/clear/<id> without the trailing slash discover's route has; Javalin ignores it.
        r.post(p + "/monitor/clear", guarded(queues::clear));
        r.post(p + "/monitor/clear/{tracking_id}", guarded(queues::clear));
    }
}
