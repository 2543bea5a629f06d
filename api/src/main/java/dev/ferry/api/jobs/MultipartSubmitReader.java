package dev.ferry.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.http.ApiException;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a multipart submit: {@code file} parts (repeatable), an optional {@code params} part
 * holding a JSON object, and optional {@code priority} and {@code time_limit_s} fields.
 */
final class MultipartSubmitReader {
    private MultipartSubmitReader() {}

    static SubmitForm read(Context ctx, UploadLimits limits) {
        Map<String, Object> params = Map.of();
        Optional<String> priority = Optional.empty();
        Optional<String> timeLimit = Optional.empty();
        Optional<JsonNode> webhook = Optional.empty();
        List<InputFile> files = new ArrayList<>();
        for (Part part : limits.parts(ctx)) {
            switch (part.getName()) {
                case "file" -> files.add(InputFile.of(part));
                case "params" -> params = JsonParams.params(JsonParams.parse(UploadLimits.fieldBytes(part), "the params part"));
                case "priority" -> priority = Optional.of(text(part));
                case "time_limit_s" -> timeLimit = Optional.of(text(part));
                case "webhook" -> webhook = Optional.of(JsonParams.parse(UploadLimits.fieldBytes(part), "the webhook part"));
                default -> throw ApiException.invalidParam(part.getName(), "unknown form part '" + part.getName()
                        + "'; a job takes file, params, priority, time_limit_s and webhook");
            }
        }
        return new SubmitForm(params, priority, timeLimit, files, Optional.empty(), webhook);
    }

    private static String text(Part part) {
        return new String(UploadLimits.fieldBytes(part), StandardCharsets.UTF_8).strip();
    }
}
