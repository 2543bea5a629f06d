package dev.ferry.api.jobs;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.queue.JobReader;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;

/**
 * GET /api/v1/jobs/{id}/files?cursor=&limit= : every output file of a job, a page at a time, in
 * the order the job lists them. A finished job's list never changes, so a position in it is
 * the index of the page's first file.
 */
public final class JobFileListHandler implements Handler {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private final JobLookup lookup;

    public JobFileListHandler(JobReader reader) {
        this.lookup = new JobLookup(reader);
    }

    @Override
    public void handle(Context ctx) {
        Job job = lookup.job(ctx);
        PageRequest request = PageRequest.of(ctx, DEFAULT_LIMIT, MAX_LIMIT);
        List<JobFile> all = job.files();
        int from = request.position().map(JobFileListHandler::index).orElse(0);
        int to = (int) Math.min((long) from + request.limit(), all.size());
        List<JobView.FileView> page = all.subList(Math.min(from, to), to).stream().map(f -> JobView.FileView.of(job, f)).toList();
        Optional<String> next = to < all.size() ? Optional.of(PageRequest.cursor(Integer.toString(to))) : Optional.empty();
        ctx.json(new Files(page, all.size(), next, next.map(c -> PageRequest.nextUrl(ctx, c))));
    }

    private static int index(String position) {
        try {
            int index = Integer.parseInt(position);
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw PageRequest.badCursor();
    }

    /** A page of files; {@code next_cursor} and {@code next} are null on the last page. */
    record Files(List<JobView.FileView> files, int fileCount, Optional<String> nextCursor, Optional<String> next) {}
}
