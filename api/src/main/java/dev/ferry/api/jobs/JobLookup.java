package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.JobReader;
import io.javalin.http.Context;

/** Finds the job a request names; a malformed id is refused before it touches Redis or the disk. */
final class JobLookup {
    private final JobReader reader;

    JobLookup(JobReader reader) {
        this.reader = reader;
    }

    static JobId id(Context ctx) {
        return JobId.parse(ctx.pathParam("id")).orElseThrow(JobLookup::notFound);
    }

    Job job(JobId id) {
        return reader.get(id).orElseThrow(JobLookup::notFound);
    }

    Job job(Context ctx) {
        return job(id(ctx));
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.JOB_NOT_FOUND, "no such job");
    }
}
