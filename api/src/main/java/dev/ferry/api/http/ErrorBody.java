package dev.ferry.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.core.error.ErrorCode;
import java.util.Optional;

/** The one shape of every error answer: {@code {"error":{"code","message"}}}, plus the field for bad parameters. */
public record ErrorBody(Detail error) {

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(new Detail(code, message, Optional.empty()));
    }

    public static ErrorBody of(ApiException e) {
        return new ErrorBody(new Detail(e.code(), e.getMessage(), e.field()));
    }

    public record Detail(ErrorCode code, String message, @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> field) {}
}
