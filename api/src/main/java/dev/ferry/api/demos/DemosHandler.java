package dev.ferry.api.demos;

import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.queue.QueuePause;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/** GET /api/v1/demos. Built per request: a model installed while the server runs shows up at once. */
public final class DemosHandler implements Handler {
    private final DemoCatalog demos;
    private final QueuePause pause;

    public DemosHandler(DemoCatalog demos, QueuePause pause) {
        this.demos = demos;
        this.pause = pause;
    }

    @Override
    public void handle(Context ctx) {
        ctx.json(new Demos(demos.all().stream().map(d -> DemoView.of(d, pause.isPaused(d.name()))).toList()));
    }

    record Demos(List<DemoView> demos) {}
}
