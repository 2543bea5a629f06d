package dev.ferry.api.jobs;

import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.QueueError;
import dev.ferry.core.queue.QueueException;
import dev.ferry.core.queue.Submissions;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * POST /api/v1/jobs/{id}/cancel. A queued job is cancelled at once; a running one stays
 * running until its worker stops it, so the answer may still say {@code running}.
 */
public final class CancelJobHandler implements Handler {
    private final Submissions submissions;
    private final JobLookup lookup;
    private final JobViews views;

    public CancelJobHandler(Submissions submissions, JobReader reader, JobViews views) {
        this.submissions = submissions;
        this.lookup = new JobLookup(reader);
        this.views = views;
    }

    @Override
    public void handle(Context ctx) {
        JobId id = JobLookup.id(ctx);
        try {
            submissions.cancel(id);
        } catch (QueueException e) {
            if (e.error() == QueueError.NOT_FOUND) {
                throw JobLookup.notFound();
            }
            throw e;
        }
        ctx.json(views.of(lookup.job(id)));
    }
}
