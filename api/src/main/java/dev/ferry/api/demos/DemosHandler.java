package dev.ferry.api.demos;

import dev.ferry.core.demo.DemoCatalog;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;

/** GET /api/v1/demos. */
public final class DemosHandler implements Handler {
    private final Demos body;

    public DemosHandler(DemoCatalog demos) {
        this.body = new Demos(demos.all().stream().map(DemoView::of).toList());
    }

    @Override
    public void handle(Context ctx) {
        ctx.json(body);
    }

    record Demos(List<DemoView> demos) {}
}
