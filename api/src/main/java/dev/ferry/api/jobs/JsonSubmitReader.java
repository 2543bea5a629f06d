package dev.ferry.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.InputSpec;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code {"inputs":[{"url":"https://..."}],"params":{...},"priority":"high","time_limit_s":60,"webhook":{...}}};
 * every field is optional and an empty body means no parameters.
 */
final class JsonSubmitReader {
    static final int MAX_BYTES = 1 << 20;
    private static final Set<String> FIELDS = Set.of("inputs", "params", "priority", "time_limit_s", "webhook");

    private JsonSubmitReader() {}

    static SubmitForm read(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] body = body(ctx);
        if (body.length == 0) {
            return SubmitForm.EMPTY;
        }
        JsonNode root = JsonParams.parse(body, "the request body");
        if (!root.isObject()) {
            throw new ApiException(ErrorCode.INVALID_JSON, "the request body must be a JSON object");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiException.invalidParam(name, "unknown field '" + name + "'; a job takes inputs, params, priority, time_limit_s and webhook");
            }
        });
        Map<String, Object> params = JsonParams.params(root.get("params"));
        return new SubmitForm(params, text(root, "priority"), text(root, "time_limit_s"), List.of(), urls(root, body),
                Optional.ofNullable(root.get("webhook")).filter(node -> !node.isNull()));
    }

    /** The URL and job inputs, checked by the same code the workers read them with; the error names the field at fault. */
    private static Optional<InputSpec> urls(JsonNode root, byte[] body) {
        JsonNode inputs = root.get("inputs");
        if (inputs == null || inputs.isNull()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InputSpec.parse(body));
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String field = message.startsWith("inputs") ? message.split(" ", 2)[0] : "inputs";
            throw ApiException.invalidParam(field, message);
        }
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual() || value.isNumber()) {
            return Optional.of(value.asText());
        }
        throw ApiException.invalidParam(field, field + " must be a " + ("priority".equals(field) ? "string" : "number"));
    }

    private static byte[] body(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes(MAX_BYTES + 1);
            if (body.length > MAX_BYTES) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(ErrorCode.TOO_LARGE, "a JSON job description is limited to " + MAX_BYTES + " bytes");
    }
}
