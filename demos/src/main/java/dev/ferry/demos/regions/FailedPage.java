package dev.ferry.demos.regions;

/**
 * A page that could not be processed, and why; listed in the result and in annotations.json.
 *
 * @param page the page's number in the job, from 1
 * @param code why, for programs: a media error ({@code not_an_image}, {@code truncated},
 *             {@code too_many_pixels}, {@code url_refused}...) or {@code model_failed}
 */
public record FailedPage(int page, String source, String code, String reason) {}
