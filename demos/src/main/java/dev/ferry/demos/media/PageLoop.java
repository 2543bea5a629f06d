package dev.ferry.demos.media;

import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.demos.inference.StageClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * A job's pages through what a demo does with each, the same way for every page-based demo:
 * decoded one ahead ({@link PagePrefetcher}), progress "page n of N: source" before each (where
 * a cancelled job stops), and a page that cannot be read or processed listed as a
 * {@link FailedPage} while the job goes on with the next.
 */
public final class PageLoop {
    /** What a demo does with one decoded page. */
    @FunctionalInterface
    public interface PageWork<T> {
        /**
         * Takes the page: closes it, or hands it on to be closed.
         *
         * @param number the page's number in the job, from 1
         * @throws PageFailure when this page alone failed; anything else fails the job
         */
        T process(int number, Page page) throws Exception;
    }

    /**
     * Told before each page, where a cancelled job stops: page {@code number} of about
     * {@code estimatedTotal}.
     */
    @FunctionalInterface
    public interface Progress {
        void before(int number, int estimatedTotal, String source);
    }

    /**
     * What the pages gave.
     *
     * @param pages    how many pages were taken, processed or failed
     * @param warnings what the inputs skipped without failing a page, e.g. files in a ZIP that are not images
     * @param skipped  per archive, every entry that gave no page and why, told once
     */
    public record Outcome<T>(int pages, List<T> done, List<FailedPage> failed, List<String> warnings,
                             List<SkippedEntries> skipped) {
        public Outcome(int pages, List<T> done, List<FailedPage> failed, List<String> warnings) {
            this(pages, done, failed, warnings, List.of());
        }

        /** Fails the job when no page could be processed; called once the report is written, so it lists why. */
        public void requireAPage() {
            if (!done.isEmpty()) {
                return;
            }
            if (failed.isEmpty() && skipped.isEmpty()) {
                throw DemoFailure.badInput("the inputs hold no pages: send an image, a ZIP of images, a PDF or a list of URLs");
            }
            List<String> why = new ArrayList<>();
            List<FailedPage> untold = untoldFailures();
            if (!untold.isEmpty()) {
                why.add(untold.stream().map(f -> f.source() + ": " + f.reason()).limit(5).toList().toString());
            }
            skipped.forEach(archive -> why.add(archive.toString()));
            throw DemoFailure.badInput((failed.isEmpty() ? "the inputs hold no pages: " : "no page could be processed: ")
                    + String.join("; ", why));
        }

        /** Each failed page outside an archive on a line of its own, then one line per archive that skipped entries. */
        void log(Logger log) {
            for (FailedPage f : untoldFailures()) {
                log.warn("page {} ({}) failed: {}", f.page(), f.source(), f.reason());
            }
            skipped.forEach(archive -> log.warn("{}", archive));
        }

        /** The failed pages no archive's summary tells. */
        private List<FailedPage> untoldFailures() {
            return failed.stream().filter(f -> skipped.stream().noneMatch(s -> s.covers(f.source()))).toList();
        }
    }

    private PageLoop() {}

    /**
     * Every page of the inputs through {@code work}, reported to the job as "page n of N:
     * source"; decoding is timed on {@code clock}.
     */
    public static <T> Outcome<T> run(DemoContext ctx, JobPages inputs, StageClock clock, PageWork<T> work)
            throws Exception {
        Progress pages = (number, total, source) ->
                ctx.progress(number - 1, total, "page " + number + " of " + total + ": " + source);
        return run(inputs, clock, pages, ctx.log(), work);
    }

    /**
     * Every page of the inputs through {@code work}, told to {@code progress}; once they are
     * done, failed pages are logged to {@code log}, an archive's skipped entries in one line.
     */
    public static <T> Outcome<T> run(JobPages inputs, StageClock clock, Progress progress, Logger log,
                                     PageWork<T> work) throws Exception {
        List<T> done = new ArrayList<>();
        List<FailedPage> failed = new ArrayList<>();
        int pages = 0;
        try (PagePrefetcher prefetcher = new PagePrefetcher(inputs, clock)) {
            for (Optional<PagePrefetcher.Taken> next = prefetcher.next(); next.isPresent(); next = prefetcher.next()) {
                PagePrefetcher.Taken page = next.get();
                pages = page.number();
                reportProgress(progress, page);
                if (page.failure().isPresent()) {
                    MediaException e = page.failure().get();
                    failed.add(failedPage(page, e.errorCode(), e.getMessage()));
                    continue;
                }
                try {
                    done.add(work.process(page.number(), page.page().get()));
                } catch (PageFailure e) {
                    failed.add(failedPage(page, e.code(), e.getMessage()));
                }
            }
        }
        Outcome<T> outcome = new Outcome<>(pages, done, failed, inputs.warnings(), inputs.skipped());
        outcome.log(log);
        return outcome;
    }

    /** Every page through {@code work} outside a job, as benchmarks run them; an unreadable page fails the run. */
    public static <T> List<T> runAll(JobPages inputs, StageClock clock, PageWork<T> work) throws Exception {
        List<T> done = new ArrayList<>();
        try (PagePrefetcher prefetcher = new PagePrefetcher(inputs, clock)) {
            for (Optional<PagePrefetcher.Taken> next = prefetcher.next(); next.isPresent(); next = prefetcher.next()) {
                PagePrefetcher.Taken page = next.get();
                if (page.failure().isPresent()) {
                    throw page.failure().get();
                }
                done.add(work.process(page.number(), page.page().get()));
            }
        }
        return done;
    }

    /** Page n of about N; a cancelled job stops here, and the page it was given is freed. */
    private static void reportProgress(Progress progress, PagePrefetcher.Taken page) {
        int total = Math.max(page.number(), page.estimatedTotal());
        try {
            progress.before(page.number(), total, page.source());
        } catch (RuntimeException e) {
            page.page().ifPresent(Page::close);
            throw e;
        }
    }

    private static FailedPage failedPage(PagePrefetcher.Taken page, ErrorCode code, String reason) {
        return new FailedPage(page.number(), page.source(), code, reason);
    }
}
