package dev.ferry.compat.discover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.http.ApiException;
import dev.ferry.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * discover's {@code crops} (app/shared/routes.py, receive_task; app/shared/dataset/document.py,
 * prepare_crops): {@code [{"doc_uid", "source", "source_info"?, "crops": [{"crop_id", "relative":
 * {"x1", "y1", "x2", "y2"} or {"x", "y", "width", "height"}}]}]}, a list or a JSON string of one,
 * as the similarity demo's {@code crops}: {@code [{"input", "image", "box", "id"}]}.
 *
 * <p>A request's documents are one Ferry input (the URL list {@link StartHandler} stores), so every
 * crop is on input 1 and names its page by the source Ferry's reader gives it, which begins with
 * the document's {@code src}: the image URL itself for {@code img}, {@code <src>!/<entry>} for
 * {@code zip}, {@code <src>#page=N} for {@code pdf} (discover names a PDF's pages
 * {@code <stem>_<N>.jpg}, pdftoppm's names). A IIIF canvas's page source is the image URL Ferry
 * asks the image server for, which discover's file names cannot give, so crops on IIIF documents
 * are refused.
 */
final class DiscoverCrops {
    static final String FIELD = "crops";
    /** pdftoppm's page files, {@code <prefix>_<page number>.<ext>} (discover-api app/shared/dataset/utils.py, pdf_to_img). */
    private static final Pattern PDF_PAGE = Pattern.compile(".*_0*(\\d+)\\.[A-Za-z]+$");

    private DiscoverCrops() {}

    /** The similarity demo's crops; empty when none are given. */
    static List<Map<String, Object>> toFerry(Object given, List<DiscoverDocument> documents) {
        JsonNode entries = entries(given);
        List<Map<String, Object>> crops = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            JsonNode entry = entries.get(e);
            String at = FIELD + "[" + e + "]";
            String image = page(document(entry, at, documents), text(entry, "source", at), at);
            JsonNode regions = entry.path("crops");
            if (!regions.isArray()) {
                throw invalid(at + ".crops", at + ".crops must be a list of {\"crop_id\", \"relative\": {\"x1\", \"y1\","
                        + " \"x2\", \"y2\"}}");
            }
            for (int c = 0; c < regions.size(); c++) {
                String cropAt = at + ".crops[" + c + "]";
                Map<String, Object> crop = new LinkedHashMap<>();
                crop.put("input", 1);
                crop.put("image", image);
                crop.put("box", box(regions.get(c).path("relative"), cropAt + ".relative"));
                crop.put("id", text(regions.get(c), "crop_id", cropAt));
                crops.add(crop);
            }
        }
        return crops;
    }

    private static JsonNode entries(Object given) {
        if (given == null || "".equals(given)) {
            return Json.MAPPER.createArrayNode();
        }
        JsonNode list;
        try {
            list = given instanceof String text ? Json.MAPPER.readTree(text) : Json.MAPPER.valueToTree(given);
        } catch (JsonProcessingException e) {
            throw invalid(FIELD, "crops is not valid JSON: " + e.getOriginalMessage());
        }
        if (!list.isArray()) {
            throw invalid(FIELD, "crops must be a list of {\"doc_uid\", \"source\", \"crops\": [...]} objects");
        }
        return list;
    }

    private static DiscoverDocument document(JsonNode entry, String at, List<DiscoverDocument> documents) {
        String uid = text(entry, "doc_uid", at);
        return documents.stream().filter(d -> d.uid().equals(uid)).findFirst().orElseThrow(() -> invalid(at + ".doc_uid",
                at + ".doc_uid '" + uid + "' is none of the request's documents (" + String.join(", ",
                        documents.stream().map(DiscoverDocument::uid).toList()) + ")"));
    }

    /** The page's source as Ferry's reader names it. */
    private static String page(DiscoverDocument doc, String source, String at) {
        return switch (doc.type()) {
            case "img" -> doc.src();
            case "zip" -> doc.src() + "!/" + source;
            case "pdf" -> {
                Matcher page = PDF_PAGE.matcher(source);
                if (!page.matches()) {
                    throw invalid(at + ".source", at + ".source must name a page of the PDF as discover does,"
                            + " <name>_<page number>.jpg; got '" + source + "'");
                }
                yield doc.src() + "#page=" + Integer.parseInt(page.group(1));
            }
            default -> throw invalid(at + ".doc_uid", "crops on " + doc.type() + " documents are not supported by Ferry:"
                    + " send the document as img, zip or pdf, or compare its whole pages");
        };
    }

    /** x1, y1, x2, y2 from either of discover's forms, inside the page and not empty. */
    private static List<Double> box(JsonNode relative, String at) {
        List<String> corners = List.of("x1", "y1", "x2", "y2");
        List<String> sized = List.of("x", "y", "width", "height");
        List<Double> box = List.of();
        if (corners.stream().allMatch(k -> relative.path(k).isNumber())) {
            box = corners.stream().map(k -> relative.get(k).asDouble()).toList();
        } else if (sized.stream().allMatch(k -> relative.path(k).isNumber())) {
            double x = relative.get("x").asDouble();
            double y = relative.get("y").asDouble();
            box = List.of(x, y, x + relative.get("width").asDouble(), y + relative.get("height").asDouble());
        }
        if (box.isEmpty() || box.stream().anyMatch(v -> v < 0 || v > 1) || box.get(0) >= box.get(2)
                || box.get(1) >= box.get(3)) {
            throw invalid(at, at + " must be {\"x1\", \"y1\", \"x2\", \"y2\"} (or {\"x\", \"y\", \"width\","
                    + " \"height\"}), fractions of the page with 0 <= x1 < x2 <= 1 and 0 <= y1 < y2 <= 1; got " + relative);
        }
        return box;
    }

    private static String text(JsonNode node, String key, String at) {
        JsonNode value = node.path(key);
        if (!value.isTextual() && !value.isNumber() || value.asText().isBlank()) {
            throw invalid(at + "." + key, at + "." + key + " is required");
        }
        return value.asText();
    }

    private static ApiException invalid(String field, String message) {
        return DiscoverRequest.invalid(field, message);
    }
}
