package dev.ferry.api.demos;

import dev.ferry.core.demo.DemoCatalog;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/** GET /api/v1/demos. Built per request: a model installed while the server runs shows up at once. */
public final class DemosHandler implements Handler {
    private final DemoCatalog demos;

    public DemosHandler(DemoCatalog demos) {
        this.demos = demos;
    }

    @Override
    public void handle(Context ctx) {
        ctx.json(new Demos(demos.all().stream().map(DemoView::of).toList()));
    }

    record Demos(List<DemoView> demos) {}
}
