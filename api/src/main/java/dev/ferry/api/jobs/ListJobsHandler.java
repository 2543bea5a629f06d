package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.job.JobState;
import dev.ferry.core.queue.JobCursor;
import dev.ferry.core.queue.JobPage;
import dev.ferry.core.queue.JobReader;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** GET /api/v1/jobs?demo=&state=&limit=&cursor= : the newest jobs first, a page at a time. */
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
        PageRequest request = PageRequest.of(ctx, DEFAULT_LIMIT, MAX_LIMIT);
        JobPage page = reader.page(which, state, request.limit(), request.position().map(ListJobsHandler::cursor));
        Optional<String> next = page.next().map(c -> PageRequest.cursor(c.score() + ":" + c.id()));
        ctx.json(new Jobs(page.jobs().stream().map(JobView::of).toList(), next, next.map(c -> PageRequest.nextUrl(ctx, c))));
    }

    /** A position is {@code <score>:<job id>}, as {@link #handle} writes it. */
    private static JobCursor cursor(String position) {
        int colon = position.indexOf(':');
        try {
            return new JobCursor(Long.parseLong(position.substring(0, colon)), position.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw PageRequest.badCursor();
        }
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

    /** A page of jobs; {@code next_cursor} and {@code next} (the same request from there on) are null on the last page. */
    record Jobs(List<JobView> jobs, Optional<String> nextCursor, Optional<String> next) {}
}
