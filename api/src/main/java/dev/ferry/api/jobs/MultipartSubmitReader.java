package dev.ferry.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import io.javalin.http.Context;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a multipart submit: {@code file} parts (repeatable), an optional {@code params} part
 * holding a JSON object, and optional {@code priority} and {@code time_limit_s} fields.
 */
final class MultipartSubmitReader {
    /** Jetty reads its multipart limits from this request attribute. */
    static final String CONFIG_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";
    private static final int MAX_FIELD_BYTES = JsonSubmitReader.MAX_BYTES;

    private MultipartSubmitReader() {}

    static SubmitForm read(Context ctx, UploadLimits limits) {
        // Set per request rather than through Javalin's process-wide default, so that two
        // servers in one JVM (tests, or an embedding app) keep their own limits.
        ctx.req().setAttribute(CONFIG_ATTRIBUTE, limits.multipartConfig());
        Map<String, Object> params = Map.of();
        Optional<String> priority = Optional.empty();
        Optional<String> timeLimit = Optional.empty();
        Optional<JsonNode> webhook = Optional.empty();
        List<Part> files = new ArrayList<>();
        for (Part part : parts(ctx, limits)) {
            switch (part.getName()) {
                case "file" -> files.add(part);
                case "params" -> params = JsonParams.params(JsonParams.parse(bytes(part), "the params part"));
                case "priority" -> priority = Optional.of(text(part));
                case "time_limit_s" -> timeLimit = Optional.of(text(part));
                case "webhook" -> webhook = Optional.of(JsonParams.parse(bytes(part), "the webhook part"));
                default -> throw ApiException.invalidParam(part.getName(), "unknown form part '" + part.getName()
                        + "'; a job takes file, params, priority, time_limit_s and webhook");
            }
        }
        return new SubmitForm(params, priority, timeLimit, files, Optional.empty(), webhook);
    }

    private static Collection<Part> parts(Context ctx, UploadLimits limits) {
        try {
            return ctx.req().getParts();
        } catch (IllegalStateException e) {
            // Jetty's way of saying a part or the whole request passed its limit
            if (e.getMessage() != null && e.getMessage().contains("exceeds")) {
                throw limits.tooLarge();
            }
            throw unreadable();
        } catch (IOException | ServletException e) {
            throw unreadable();
        }
    }

    private static String text(Part part) {
        return new String(bytes(part), StandardCharsets.UTF_8).strip();
    }

    private static byte[] bytes(Part part) {
        try (InputStream in = part.getInputStream()) {
            byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (value.length > MAX_FIELD_BYTES) {
                throw new ApiException(ErrorCode.TOO_LARGE, "form field '" + part.getName() + "' is larger than " + MAX_FIELD_BYTES + " bytes");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException unreadable() {
        return new ApiException(ErrorCode.INVALID_MULTIPART, "the multipart body cannot be read");
    }
}
