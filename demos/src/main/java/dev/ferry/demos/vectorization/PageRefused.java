package dev.ferry.demos.vectorization;

import dev.ferry.core.error.ErrorCode;

/** A page that cannot be vectorized as the job asks, and why: reported for that page alone. */
final class PageRefused extends RuntimeException {
    private final ErrorCode errorCode;

    PageRefused(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    ErrorCode errorCode() {
        return errorCode;
    }
}
