package dev.ferry.compat.discover;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobState;
import dev.ferry.core.queue.QueueError;
import dev.ferry.core.queue.QueueException;
import dev.ferry.core.queue.Submissions;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** A task's status, cancel and result files, found by its tracking id under any prefix. */
final class TaskRoutes {
    private final DiscoverJobs jobs;
    private final Submissions submissions;
    private final DiscoverOutput outputs;
    private final DiscoverStatus status;

    TaskRoutes(DiscoverJobs jobs, Submissions submissions) {
        this.jobs = jobs;
        this.submissions = submissions;
        this.outputs = new DiscoverOutput(jobs.data());
        this.status = new DiscoverStatus(outputs);
    }

    /** {@code {"tracking_id", "log"}} (app/shared/routes.py, status). */
    void status(Context ctx) {
        Job job = jobs.job(ctx);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tracking_id", ctx.pathParam(DiscoverJobs.TRACKING_ID));
        answer.put("log", status.log(job, jobs.record(job, ctx)));
        ctx.json(answer);
    }

    /** {@code {"tracking_id"}} (routes.py, cancel_task); a finished job stays as it ended. */
    void cancel(Context ctx) {
        Job job = jobs.job(ctx);
        try {
            submissions.cancel(job.id());
        } catch (QueueException e) {
            if (e.error() != QueueError.NOT_FOUND) {
                throw e;
            }
        }
        ctx.json(Map.of("tracking_id", ctx.pathParam(DiscoverJobs.TRACKING_ID)));
    }

    /**
     * A similarity job's pairs as discover serves them (app/similarity/routes.py,
     * result_similarity), a watermarks job's matches (app/watermarks/routes.py, task_result), a
     * vectorization job's ZIP, or a clustering job's outputs zipped as they are sent.
     */
    void result(Context ctx) {
        Job job = jobs.job(ctx);
        if (job.state() != JobState.SUCCEEDED) {
            throw new ApiException(ErrorCode.FILE_NOT_FOUND, "task '" + ctx.pathParam(DiscoverJobs.TRACKING_ID) + "' has no result: it is "
                    + job.state().wireName());
        }
        if ("similarity".equals(job.demo())) {
            ctx.json(SimilarityOutput.result(outputs.output(job, SimilarityOutput.PAIRS), jobs.record(job, ctx)));
            return;
        }
        if (WatermarkStart.DEMO.equals(job.demo())) {
            ctx.json(WatermarkOutput.result(outputs.output(job, WatermarkOutput.MATCHES)));
            return;
        }
        ResultFiles.send(ctx, job, jobs.data());
    }
}
