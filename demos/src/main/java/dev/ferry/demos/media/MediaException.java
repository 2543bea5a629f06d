package dev.ferry.demos.media;

/**
 * An input, or one page of it, that cannot be read. The message says why in words a user
 * can act on; {@link #code()} is stable for programs. Demos report it for the page and go on.
 */
public class MediaException extends RuntimeException {
    private final String code;

    public MediaException(String code, String message) {
        super(message);
        this.code = code;
    }

    public MediaException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** e.g. {@code not_an_image}, {@code too_many_pixels}, {@code truncated}, {@code url_refused}. */
    public String code() {
        return code;
    }
}
