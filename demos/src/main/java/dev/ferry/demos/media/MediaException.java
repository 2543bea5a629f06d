package dev.ferry.demos.media;

import dev.ferry.core.error.ErrorCode;

/**
 * An input, or one page of it, that cannot be read. The message says why in words a user
 * can act on; {@link #code()} is stable for programs. Demos report it for the page and go on.
 */
public class MediaException extends RuntimeException {
    private final ErrorCode errorCode;

    public MediaException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public MediaException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** As clients see it, e.g. {@code not_an_image}, {@code too_many_pixels}, {@code truncated}, {@code url_refused}. */
    public String code() {
        return errorCode.wireName();
    }
}
