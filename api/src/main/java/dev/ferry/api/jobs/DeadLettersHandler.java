package dev.ferry.api.jobs;

import dev.ferry.api.demos.ServedDemo;
import dev.ferry.api.http.ApiException;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.DeadLetters;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.QueueError;
import dev.ferry.core.queue.QueueException;
import dev.ferry.core.storage.DataFolder;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/**
 * The operator routes on dead letters: list a demo's, retry or delete one, retry or delete
 * all of a demo's. A deleted job's folder in the data folder goes with it.
 */
public final class DeadLettersHandler {
    static final int DEFAULT_LIMIT = 100;
    private final DemoCatalog demos;
    private final DeadLetters deadLetters;
    private final JobLookup lookup;
    private final DataFolder data;

    public DeadLettersHandler(DemoCatalog demos, DeadLetters deadLetters, JobReader reader, DataFolder data) {
        this.demos = demos;
        this.deadLetters = deadLetters;
        this.lookup = new JobLookup(reader);
        this.data = data;
    }

    /** GET /api/v1/demos/{demo}/dead-letters?limit= : the newest first, with how many there are. */
    public void list(Context ctx) {
        String demo = ServedDemo.of(ctx, demos);
        int limit = PageRequest.of(ctx, DEFAULT_LIMIT, ListJobsHandler.MAX_LIMIT).limit();
        ctx.json(new Listing(demo, deadLetters.count(demo), deadLetters.newest(demo, limit).stream().map(JobView::of).toList()));
    }

    /** POST /api/v1/jobs/{id}/retry: the job, queued again. */
    public void retryOne(Context ctx) {
        JobId id = JobLookup.id(ctx);
        refusedAsApiErrors(() -> deadLetters.retry(id));
        ctx.json(JobView.of(lookup.job(id)));
    }

    /** DELETE /api/v1/jobs/{id}: 204, the job and its folder gone. */
    public void deleteOne(Context ctx) {
        JobId id = JobLookup.id(ctx);
        refusedAsApiErrors(() -> delete(id));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** POST /api/v1/demos/{demo}/dead-letters/retry */
    public void retryAll(Context ctx) {
        String demo = ServedDemo.of(ctx, demos);
        ctx.json(new Retried(demo, eachDeadLetter(demo, deadLetters::retry)));
    }

    /** DELETE /api/v1/demos/{demo}/dead-letters */
    public void deleteAll(Context ctx) {
        String demo = ServedDemo.of(ctx, demos);
        ctx.json(new Deleted(demo, eachDeadLetter(demo, this::delete)));
    }

    private void delete(JobId id) {
        deadLetters.delete(id);
        data.deleteJob(id);
    }

    /** Runs the action on every dead letter of the demo; one retried or deleted meanwhile by someone else is skipped. */
    private long eachDeadLetter(String demo, Action action) {
        long done = 0;
        for (JobId id : deadLetters.ids(demo)) {
            try {
                action.on(id);
                done++;
            } catch (QueueException e) {
                if (e.error() != QueueError.NOT_FOUND && e.error() != QueueError.NOT_DEAD_LETTER) {
                    throw e;
                }
            }
        }
        return done;
    }

    private static void refusedAsApiErrors(Runnable action) {
        try {
            action.run();
        } catch (QueueException e) {
            throw switch (e.error()) {
                case NOT_FOUND -> JobLookup.notFound();
                case NOT_DEAD_LETTER -> new ApiException(ErrorCode.NOT_A_DEAD_LETTER, e.getMessage().replaceFirst("^NOT_DEAD_LETTER ", "")
                        + "; only a dead letter (listed by /api/v1/demos/{demo}/dead-letters) can be retried or deleted");
                default -> e;
            };
        }
    }

    private interface Action {
        void on(JobId id);
    }

    record Listing(String demo, long count, List<JobView> deadLetters) {}

    record Retried(String demo, long retried) {}

    record Deleted(String demo, long deleted) {}
}
