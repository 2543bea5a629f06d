package dev.ferry.core.demo;

import dev.ferry.core.error.ErrorCode;

/**
 * A demo's way to fail a job with a readable reason. {@code retryable} says whether
 * another attempt could succeed (a flaky download) or not (an unreadable input).
 */
public class DemoFailure extends RuntimeException {
    private final ErrorCode errorCode;
    private final boolean retryable;

    public DemoFailure(ErrorCode errorCode, String message, boolean retryable) {
        super(message);
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    /** An input the demo cannot use: failing again would fail the same way. */
    public static DemoFailure badInput(String message) {
        return new DemoFailure(ErrorCode.BAD_INPUT, message, false);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The code as clients see it, e.g. {@code bad_input}. */
    public String code() {
        return errorCode.wireName();
    }

    public boolean retryable() {
        return retryable;
    }
}
