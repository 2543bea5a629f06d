package dev.ferry.compat.dsac;

import static dev.ferry.compat.dsac.DsacErrors.guarded;

import dev.ferry.api.RouteSet;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.compat.CompatProtocols;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.webhook.WebhookFormat;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.media.UrlFetcher;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;

/**
 * DSAC's ASR backend: {@code POST <FERRY_DSAC_PATH>} with header parameters, and the status
 * route Ferry adds, {@code GET <FERRY_DSAC_PATH>/<ferry_job_id>}. Mounted with the asr demo.
 */
public final class DsacRoutes implements RouteSet {
    private final String path;
    private final DsacModels models;
    private final UrlFetcher fetcher;
    private final DataFolder data;
    private final DsacStatus status;

    public DsacRoutes(CompatProtocols.Services services) {
        this.path = services.config().protocols().dsacPath();
        this.models = new DsacModels(ModelStore.of(services.config()));
        this.fetcher = services.media().fetcher();
        this.data = services.data();
        this.status = new DsacStatus(new JobReader(services.redis()), services.data());
    }

    @Override
    public List<WebhookFormat> webhookFormats() {
        return List.of(new DsacDelivery(data));
    }

    @Override
    public void register(JavalinDefaultRouting r, JobSubmitter submitter) {
        DsacStart start = new DsacStart(submitter, models, fetcher, data, path);
        r.post(path, guarded(start::handle));
        r.get(path + "/{" + DsacStatus.ID + "}", guarded(status::handle));
    }
}
