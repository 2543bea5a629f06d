package dev.ferry.api.jobs;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** GET /api/v1/jobs/{id}. */
public final class GetJobHandler implements Handler {
    private final JobLookup lookup;
    private final JobViews views;

    public GetJobHandler(dev.ferry.core.queue.JobReader reader, JobViews views) {
        this.lookup = new JobLookup(reader);
        this.views = views;
    }

    @Override
    public void handle(Context ctx) {
        ctx.json(views.of(lookup.job(ctx)));
    }
}
