package dev.ferry.api.sources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.http.ApiException;
import dev.ferry.api.jobs.JsonParams;
import dev.ferry.api.jobs.UploadLimits;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A source upload: the ZIP archive in the {@code file} part, an optional {@code name}, and an
 * optional {@code metadata} part holding a JSON object kept with the source.
 */
record SourceForm(Part file, String name, Map<String, Object> metadata) {
    static final int MAX_NAME_CHARS = 200;

    static SourceForm read(Context ctx, UploadLimits limits) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "a source is uploaded as multipart/form-data"
                    + " with the ZIP archive in the 'file' part");
        }
        Optional<Part> file = Optional.empty();
        Optional<String> name = Optional.empty();
        Map<String, Object> metadata = Map.of();
        for (Part part : limits.parts(ctx)) {
            switch (part.getName()) {
                case "file" -> file = Optional.of(only(file, part));
                case "name" -> name = Optional.of(name(new String(UploadLimits.fieldBytes(part), StandardCharsets.UTF_8).strip()));
                case "metadata" -> metadata = metadata(JsonParams.parse(UploadLimits.fieldBytes(part), "the metadata part"));
                default -> throw ApiException.invalidParam(part.getName(), "unknown form part '" + part.getName()
                        + "'; a source takes file, name and metadata");
            }
        }
        Part zip = file.orElseThrow(() -> new ApiException(ErrorCode.MISSING_INPUT,
                "a source needs its ZIP archive of images in the 'file' part"));
        return new SourceForm(zip, name.orElseGet(() -> defaultName(zip)), metadata);
    }

    InputStream open() {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Part only(Optional<Part> earlier, Part part) {
        if (earlier.isPresent()) {
            throw ApiException.invalidParam("file", "a source is one ZIP archive; the request has several 'file' parts");
        }
        return part;
    }

    private static String name(String given) {
        if (given.isEmpty() || given.length() > MAX_NAME_CHARS) {
            throw ApiException.invalidParam("name", "name must be 1 to " + MAX_NAME_CHARS + " characters");
        }
        return given;
    }

    /** The uploaded file's name without its folders, as a label only: it never names a path. */
    private static String defaultName(Part zip) {
        String submitted = zip.getSubmittedFileName() == null ? "" : zip.getSubmittedFileName().replace('\\', '/');
        String base = submitted.substring(submitted.lastIndexOf('/') + 1).strip();
        return base.isEmpty() ? "source" : base.substring(0, Math.min(base.length(), MAX_NAME_CHARS));
    }

    private static Map<String, Object> metadata(JsonNode node) {
        if (!node.isObject()) {
            throw ApiException.invalidParam("metadata", "metadata must be a JSON object");
        }
        return Json.MAPPER.convertValue(node, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    }
}
