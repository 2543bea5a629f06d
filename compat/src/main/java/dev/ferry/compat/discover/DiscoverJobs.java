package dev.ferry.compat.discover;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.storage.DataFolder;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/** Finds the job a tracking id names, and what its discover start recorded. */
final class DiscoverJobs {
    static final String TRACKING_ID = "tracking_id";
    private final DemoCatalog demos;
    private final JobReader reader;
    private final DataFolder data;

    DiscoverJobs(DemoCatalog demos, JobReader reader, DataFolder data) {
        this.demos = demos;
        this.reader = reader;
        this.data = data;
    }

    Job job(Context ctx) {
        String trackingId = ctx.pathParam(TRACKING_ID);
        for (JobId id : TrackingId.candidates(trackingId, demos.names())) {
            Optional<Job> job = reader.get(id);
            if (job.isPresent()) {
                return job.get();
            }
        }
        throw new ApiException(ErrorCode.JOB_NOT_FOUND, "no task with tracking_id '" + trackingId + "'");
    }

    /** A job submitted through the native API has no record: it is shown with no experiment and no documents. */
    DiscoverRecord record(Job job, Context ctx) {
        return DiscoverRecord.load(data, job.id()).orElseGet(() -> new DiscoverRecord("", Optional.empty(), baseUrl(ctx), List.of()));
    }

    DataFolder data() {
        return data;
    }

    /** The address the client reached Ferry at: discover's answers carry absolute URLs. */
    static String baseUrl(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }
}
