package dev.ferry.demos.media;

import dev.ferry.core.error.ErrorCode;

/**
 * What a demo throws when one page fails and the job should go on with the next: the page is
 * listed with this code and reason ({@link FailedPage}). Anything else a demo throws fails the job.
 */
public final class PageFailure extends Exception {
    private final ErrorCode code;

    public PageFailure(ErrorCode code, String reason) {
        super(reason);
        this.code = code;
    }

    /**
     * The model could not run on the page.
     *
     * @param model how the reason names it, e.g. "the model"
     */
    public static PageFailure modelFailed(String model, Exception cause) {
        return new PageFailure(ErrorCode.MODEL_FAILED, model + " failed on this page: " + cause.getMessage());
    }

    public ErrorCode code() {
        return code;
    }
}
