package dev.ferry.demos.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The page images of a IIIF Presentation manifest, version 2 ({@code sequences[0].canvases})
 * or 3 ({@code items} of type Canvas). Each canvas's image is requested through its IIIF
 * Image API service at a bounded size, {@code <service>/full/!N,N/0/default.jpg} with N =
 * {@code FERRY_IIIF_MAX_SIZE}, which both Image API 2 and 3 serve; an image without a
 * service is fetched as it is.
 */
public record IiifManifest(String label, List<Canvas> canvases) {

    /** One page: its label and the URL of its image. */
    public record Canvas(String label, String imageUrl) {}

    /** Whether this JSON looks like a Presentation manifest at all. */
    public static boolean looksLike(JsonNode json) {
        String type = text(json, "@type").or(() -> text(json, "type")).orElse("");
        return type.equals("sc:Manifest") || type.equals("Manifest");
    }

    /** @throws MediaException {@code bad_manifest} */
    public static IiifManifest parse(JsonNode json, int maxSize) {
        if (!looksLike(json)) {
            throw new MediaException(ErrorCode.BAD_MANIFEST, "JSON is not a IIIF Presentation manifest (no type Manifest)");
        }
        List<Canvas> canvases = new ArrayList<>();
        if (json.has("sequences")) {
            JsonNode list = json.path("sequences").path(0).path("canvases");
            for (int i = 0; i < list.size(); i++) {
                JsonNode canvas = list.get(i);
                JsonNode resource = canvas.path("images").path(0).path("resource");
                canvases.add(new Canvas(label(canvas.get("label"), i), imageUrl(resource, maxSize, i)));
            }
        } else {
            JsonNode list = json.path("items");
            for (int i = 0; i < list.size(); i++) {
                JsonNode canvas = list.get(i);
                JsonNode body = canvas.path("items").path(0).path("items").path(0).path("body");
                if (text(body, "type").orElse("").equals("Choice")) {
                    body = body.path("items").path(0);
                }
                canvases.add(new Canvas(label(canvas.get("label"), i), imageUrl(body, maxSize, i)));
            }
        }
        if (canvases.isEmpty()) {
            throw new MediaException(ErrorCode.BAD_MANIFEST, "the IIIF manifest has no canvases");
        }
        return new IiifManifest(label(json.get("label"), -1), canvases);
    }

    private static String imageUrl(JsonNode image, int maxSize, int index) {
        JsonNode service = image.path("service");
        if (service.isArray()) {
            service = service.path(0);
        }
        Optional<String> base = id(service);
        if (base.isPresent()) {
            String root = base.get().replaceAll("/info\\.json$", "").replaceAll("/+$", "");
            return root + "/full/!" + maxSize + "," + maxSize + "/0/default.jpg";
        }
        return id(image).orElseThrow(() -> new MediaException(ErrorCode.BAD_MANIFEST,
                "canvas " + (index + 1) + " of the IIIF manifest has no image"));
    }

    private static Optional<String> id(JsonNode node) {
        return text(node, "@id").or(() -> text(node, "id"));
    }

    /** v2 labels are strings (or lists of them), v3 labels are language maps. */
    private static String label(JsonNode label, int index) {
        String fallback = index < 0 ? "" : "canvas " + (index + 1);
        if (label == null || label.isNull()) {
            return fallback;
        }
        if (label.isTextual()) {
            return label.asText();
        }
        if (label.isArray()) {
            return label.isEmpty() ? fallback : label(label.get(0), index);
        }
        if (label.isObject()) {
            if (label.has("@value")) {
                return label.get("@value").asText();
            }
            var languages = label.elements();
            return languages.hasNext() ? label(languages.next(), index) : fallback;
        }
        return fallback;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
