package dev.ferry.core.demo;

/** A job's parameter is unknown, missing or out of its spec; the API answers 400 naming it. */
public class InvalidParamException extends RuntimeException {
    private final String field;

    public InvalidParamException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
