package dev.ferry.api.demos;

import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.queue.QueuePause;
import io.javalin.http.Context;

/**
 * POST /api/v1/demos/{demo}/pause and /resume, operator routes: while a demo's queue is
 * paused its jobs are still accepted and queued, but no worker starts one.
 */
public final class QueuePauseHandler {
    private final DemoCatalog demos;
    private final QueuePause pause;

    public QueuePauseHandler(DemoCatalog demos, QueuePause pause) {
        this.demos = demos;
        this.pause = pause;
    }

    public void pause(Context ctx) {
        String demo = ServedDemo.of(ctx, demos);
        pause.pause(demo);
        ctx.json(new QueueState(demo, true));
    }

    public void resume(Context ctx) {
        String demo = ServedDemo.of(ctx, demos);
        pause.resume(demo);
        ctx.json(new QueueState(demo, false));
    }

    record QueueState(String demo, boolean paused) {}
}
