package dev.ferry.compat.dsac;

import io.javalin.http.HttpStatus;

/** A request DSAC's protocol refuses, with the status and the message its clients are answered with. */
final class DsacException extends RuntimeException {
    private final HttpStatus status;

    DsacException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** lambda_function.py's wording, which DSAC's clients may show or match. */
    static DsacException missing(String header) {
        return new DsacException(HttpStatus.BAD_REQUEST, "Bad request: " + header + " not present in POST headers");
    }

    static DsacException invalid(String header, String value, String expected) {
        String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return new DsacException(HttpStatus.BAD_REQUEST, "Bad request: " + header + " is '" + shown + "'; expected " + expected);
    }

    HttpStatus status() {
        return status;
    }
}
