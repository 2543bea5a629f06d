package dev.ferry.demos.media;

/**
 * A page that could not be processed, and why; the one shape every page-based demo lists
 * under {@code failed_pages} in its result and its report.
 *
 * @param page the page's number in the job, from 1
 * @param code why, for programs: a media error ({@code not_an_image}, {@code truncated},
 *             {@code too_many_pixels}, {@code url_refused}...), {@code model_failed} or a demo's own
 */
public record FailedPage(int page, String source, String code, String reason) {
    /** The model could not run on the page; also the job's code when it failed on everything. */
    public static final String MODEL_FAILED = "model_failed";
}
