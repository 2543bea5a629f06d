package dev.ferry.core.sources;

import dev.ferry.core.error.ErrorCode;

/** An upload that cannot become a source, or a uid that names none; the code says which. */
public final class SourceException extends RuntimeException {
    private final ErrorCode code;

    public SourceException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
