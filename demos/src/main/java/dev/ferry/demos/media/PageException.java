package dev.ferry.demos.media;

/** A page that cannot be read; its message is the reason shown to the client. */
public class PageException extends Exception {
    public PageException(String reason) {
        super(reason);
    }

    public PageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
