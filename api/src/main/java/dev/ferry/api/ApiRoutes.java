package dev.ferry.api;

import dev.ferry.api.demos.DemosHandler;
import dev.ferry.api.demos.QueuePauseHandler;
import dev.ferry.api.http.ApiKeyAuth;
import dev.ferry.api.http.ErrorMapping;
import dev.ferry.api.jobs.CancelJobHandler;
import dev.ferry.api.jobs.DeadLettersHandler;
import dev.ferry.api.jobs.GetJobHandler;
import dev.ferry.api.jobs.JobEventsHandler;
import dev.ferry.api.jobs.JobFileListHandler;
import dev.ferry.api.jobs.JobFilesHandler;
import dev.ferry.api.jobs.JobInputsHandler;
import dev.ferry.api.jobs.JobWebhooksHandler;
import dev.ferry.api.jobs.ListJobsHandler;
import dev.ferry.api.jobs.SubmitHandler;
import dev.ferry.api.jobs.ValidateHandler;
import dev.ferry.api.metrics.MetricsHandler;
import dev.ferry.api.monitor.HealthHandler;
import dev.ferry.api.monitor.MonitorHandler;
import dev.ferry.api.sources.SourcesHandler;
import dev.ferry.api.ui.WebApp;
import io.javalin.router.JavalinDefaultRouting;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every route of the API in one table, with the handler that answers it. */
record ApiRoutes(
        ApiKeyAuth auth,
        SubmitHandler submit,
        ValidateHandler validate,
        GetJobHandler getJob,
        ListJobsHandler listJobs,
        CancelJobHandler cancelJob,
        JobEventsHandler events,
        JobFileListHandler fileList,
        JobFilesHandler files,
        JobInputsHandler inputList,
        JobFilesHandler inputs,
        DemosHandler demos,
        MonitorHandler monitor,
        HealthHandler health,
        MetricsHandler metrics,
        QueuePauseHandler pause,
        DeadLettersHandler deadLetters,
        JobWebhooksHandler webhooks,
        SourcesHandler sources,
        WebApp webApp,
        List<RouteSet> extraRoutes) {

    static final String HEALTH = "/health";

    /** What answers without a key: the health check, and the web app's page and assets (the page asks for a key). */
    static Set<String> openPaths(WebApp webApp) {
        Set<String> open = new HashSet<>(webApp.openPaths());
        open.add(HEALTH);
        return Set.copyOf(open);
    }

    void register(JavalinDefaultRouting r) {
        ErrorMapping.install(r);
        r.before(auth);
        r.post("/api/v1/demos/{demo}/jobs", submit);
        r.post("/api/v1/demos/{demo}/validate", validate);
        r.get("/api/v1/jobs", listJobs);
        r.get("/api/v1/jobs/{id}", getJob);
        r.post("/api/v1/jobs/{id}/cancel", cancelJob);
        r.get("/api/v1/jobs/{id}/events", events);
        r.get("/api/v1/jobs/{id}/files", fileList);
        r.get("/api/v1/jobs/{id}/files/<path>", files);
        r.get("/api/v1/jobs/{id}/inputs", inputList);
        r.get("/api/v1/jobs/{id}/inputs/<path>", inputs);
        r.get("/api/v1/jobs/{id}/webhooks", webhooks::log);
        r.post("/api/v1/jobs/{id}/webhooks/replay", webhooks::replay);
        r.get("/api/v1/demos", demos);
        registerSourceRoutes(r);
        r.get("/monitor", monitor::all);
        r.get("/monitor/{demo}", monitor::one);
        r.get(HEALTH, health);
        r.get("/metrics", metrics);
        r.get(WebApp.ROOT, webApp::page);
        r.get(WebApp.ASSETS + "{asset}", webApp::asset);
        registerOperatorRoutes(r);
        extraRoutes.forEach(set -> set.register(r, submit));
    }

    private void registerSourceRoutes(JavalinDefaultRouting r) {
        r.post(SourcesHandler.PATH, sources::add);
        r.get(SourcesHandler.PATH, sources::list);
        r.get(SourcesHandler.PATH + "/{uid}", sources::get);
        r.get(SourcesHandler.PATH + "/{uid}/images.zip", sources::images);
        r.get(SourcesHandler.PATH + "/{uid}/index.json", sources::index);
        r.delete(SourcesHandler.PATH + "/{uid}", sources::delete);
    }

    /**
     * The operator's actions. They need an admin key when keys are set; every key in
     * {@code FERRY_API_KEYS} is an admin key, so {@link #auth} is the whole check.
     */
    private void registerOperatorRoutes(JavalinDefaultRouting r) {
        r.post("/api/v1/demos/{demo}/pause", pause::pause);
        r.post("/api/v1/demos/{demo}/resume", pause::resume);
        r.get("/api/v1/demos/{demo}/dead-letters", deadLetters::list);
        r.post("/api/v1/demos/{demo}/dead-letters/retry", deadLetters::retryAll);
        r.delete("/api/v1/demos/{demo}/dead-letters", deadLetters::deleteAll);
        r.post("/api/v1/jobs/{id}/retry", deadLetters::retryOne);
        r.delete("/api/v1/jobs/{id}", deadLetters::deleteOne);
    }
}
