package dev.ferry.demos.media;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.core.error.ErrorCode;

/**
 * A page that could not be processed, and why; the one shape every page-based demo lists
 * under {@code failed_pages} in its result and its report.
 *
 * @param page the page's number in the job, from 1
 * @param code why, for programs: a media error ({@code not_an_image}, {@code truncated},
 *             {@code too_many_pixels}, {@code url_refused}...), {@code model_failed} or a demo's own
 */
public record FailedPage(int page, String source, @JsonProperty("code") ErrorCode errorCode, String reason) {

    /** The code as clients see it, e.g. {@code not_an_image}. */
    public String code() {
        return errorCode.wireName();
    }
}
