package dev.ferry.api.http;

import dev.ferry.core.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A request the API answers with an error: the status, a stable machine-readable code, a
 * message for people, and for bad parameters the field at fault. {@link ErrorMapping}
 * turns it into {@code {"error":{"code","message"}}}.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final ErrorCode code;
    private final Optional<String> field;
    private final Map<String, String> headers;

    /** An answer with the code's own status. */
    public ApiException(ErrorCode code, String message) {
        this(code.status().orElseThrow(() -> new IllegalArgumentException(code.wireName() + " is never an HTTP answer")),
                code, message);
    }

    /** For a status Javalin chose itself, which may not be the code's own. */
    ApiException(int status, ErrorCode code, String message) {
        this(status, code, message, Optional.empty(), Map.of());
    }

    private ApiException(int status, ErrorCode code, String message, Optional<String> field, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    /** 400 {@code invalid_param} naming {@code field}. */
    public static ApiException invalidParam(String field, String message) {
        return new ApiException(ErrorCode.INVALID_PARAM, message).withField(field);
    }

    public ApiException withField(String name) {
        return new ApiException(status, code, getMessage(), Optional.of(name), headers);
    }

    public ApiException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiException(status, code, getMessage(), field, more);
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<String> field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
