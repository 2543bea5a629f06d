package dev.ferry.api.jobs;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/** GET /api/v1/jobs/{id}. */
public final class GetJobHandler implements Handler {
    private final JobLookup lookup;

    public GetJobHandler(dev.ferry.core.queue.JobReader reader) {
        this.lookup = new JobLookup(reader);
    }

    @Override
    public void handle(Context ctx) {
        ctx.json(JobView.of(lookup.job(ctx)));
    }
}
