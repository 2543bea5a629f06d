package dev.ferry.compat.sorterbot;

import dev.ferry.core.error.ErrorCode;

/** A message Ferry cannot act on, with the code and reason the arm is told in the close frame. */
final class ProtocolError extends RuntimeException {
    private final ErrorCode code;

    ProtocolError(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
