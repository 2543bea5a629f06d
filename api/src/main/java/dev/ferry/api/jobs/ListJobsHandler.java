package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.job.JobState;
import dev.ferry.core.queue.JobReader;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** GET /api/v1/jobs?demo=&state=&limit= : the newest jobs first. */
public final class ListJobsHandler implements Handler {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    private final JobReader reader;
    private final DemoCatalog demos;

    public ListJobsHandler(JobReader reader, DemoCatalog demos) {
        this.reader = reader;
        this.demos = demos;
    }

    @Override
    public void handle(Context ctx) {
        Collection<String> which = demos(ctx.queryParam("demo"));
        Optional<JobState> state = state(ctx.queryParam("state"));
        int limit = limit(ctx.queryParam("limit"));
        List<JobView> jobs = reader.newest(which, state, limit).stream().map(JobView::of).toList();
        ctx.json(new Jobs(jobs));
    }

    private Collection<String> demos(String demo) {
        if (demo == null || demo.isEmpty()) {
            return demos.names();
        }
        if (!demos.names().contains(demo)) {
            throw ApiException.invalidParam("demo", "demo must be one of " + demos.names() + ", got '" + demo + "'");
        }
        return Set.of(demo);
    }

    private static Optional<JobState> state(String state) {
        if (state == null || state.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JobState.parse(state).orElseThrow(() -> ApiException.invalidParam("state",
                "state must be one of queued, running, succeeded, failed, cancelled; got '" + state + "'")));
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidParam("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limit + "'");
    }

    record Jobs(List<JobView> jobs) {}
}
