package dev.ferry.core.demo;

/**
 * A demo's way to fail a job with a readable reason. {@code retryable} says whether
 * another attempt could succeed (a flaky download) or not (an unreadable input).
 */
public class DemoFailure extends RuntimeException {
    private final String code;
    private final boolean retryable;

    public DemoFailure(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    /** An input the demo cannot use: failing again would fail the same way. */
    public static DemoFailure badInput(String message) {
        return new DemoFailure("bad_input", message, false);
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
