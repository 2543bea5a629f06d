package dev.ferry.compat.discover;

import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ModelState;
import dev.ferry.core.queue.QueueMonitor;
import dev.ferry.api.monitor.DataFolderUsage;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A prefix's queue and operator routes (app/shared/routes.py: qsizes, monitor, models; and
 * app/dticlustering/routes.py and app/watermarks/routes.py: monitor/clear). One demo is one Ferry queue, named after the demo.
 */
final class QueueRoutes {
    private final QueueMonitor queues;
    private final DataFolderUsage usage;

    QueueRoutes(QueueMonitor queues, DataFolderUsage usage) {
        this.queues = queues;
        this.usage = usage;
    }

    /** {@code {"queues": {<name>: {"name", "size"}}}}: the jobs waiting. */
    void qsizes(Context ctx, Demo demo) {
        ctx.json(Map.of("queues", queueSizes(demo)));
    }

    /** {@code {"total_size", "queues"}}: total_size is the whole data folder's bytes (Ferry keeps every demo's jobs in it). */
    void monitor(Context ctx, Demo demo) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total_size", usage.usedBytes());
        answer.put("queues", queueSizes(demo));
        ctx.json(answer);
    }

    /** {@code {<model>: {"name", "model", "desc"}}} for each installed model (fileutils.py, list_known_models). */
    void models(Context ctx, Demo demo) {
        Map<String, Object> models = new LinkedHashMap<>();
        for (ModelAvailability model : demo.models()) {
            if (model.state() == ModelState.PRESENT) {
                models.put(model.name(), Map.of("name", model.name(), "model", model.name(),
                        "desc", model.task().isEmpty() ? "No description available" : model.task()));
            }
        }
        ctx.json(models);
    }

    /**
     * discover deletes run, dataset and result folders on demand. Ferry removes a finished job,
     * its inputs and outputs once it is older than FERRY_RETENTION, and never deletes a job
     * another one may still read; so nothing is cleared here, and the counts say so.
     */
    void clear(Context ctx) {
        nothingCleared(ctx, "cleared_runs", "cleared_datasets", "cleared_results");
    }

    /**
     * The same for watermarks, in its keys (app/watermarks/routes.py, clear_old_tasks and clear_task):
     * Ferry keeps no query photos apart from their jobs, whose inputs they are.
     */
    void clearWatermarks(Context ctx) {
        if (ctx.pathParamMap().containsKey(DiscoverJobs.TRACKING_ID)) {
            nothingCleared(ctx, "cleared_results");
        } else {
            nothingCleared(ctx, "cleared_tmp_queries", "cleared_results");
        }
    }

    private static void nothingCleared(Context ctx, String... counts) {
        Map<String, Object> answer = new LinkedHashMap<>();
        for (String count : counts) {
            answer.put(count, 0);
        }
        ctx.json(answer);
    }

    private Map<String, Object> queueSizes(Demo demo) {
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("name", demo.name());
        size.put("size", queues.stats(demo.name()).queued());
        return Map.of(demo.name(), size);
    }
}
