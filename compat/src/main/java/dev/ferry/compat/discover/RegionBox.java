package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.json.Json;

/**
 * One Ferry region as one of discover's crops (discover-api app/regions/lib/extract.py,
 * {@code ImageAnnotator.add_region}): {@code bbox}, {@code crop_id}, {@code source},
 * {@code confidence}, and the box {@code absolute} (pixels) and {@code relative} (fractions),
 * each as x1, y1, x2, y2, width, height.
 */
final class RegionBox {
    /** discover's {@code Segment} serialises with two base-36 digits per value (bbox.py, precision=2). */
    private static final int BBOX_DIGITS = 2;

    private RegionBox() {}

    static ObjectNode crop(JsonNode region, String source) {
        double x = region.path("relative").path("x").asDouble();
        double y = region.path("relative").path("y").asDouble();
        double w = region.path("relative").path("width").asDouble();
        double h = region.path("relative").path("height").asDouble();
        String bbox = bbox(x, y, w, h);
        ObjectNode crop = Json.MAPPER.createObjectNode()
                .put("bbox", bbox)
                .put("crop_id", source + "-" + bbox)
                .put("source", source)
                .put("confidence", round4(region.path("confidence").asDouble()));
        long ax = region.path("x").asLong();
        long ay = region.path("y").asLong();
        long aw = region.path("width").asLong();
        long ah = region.path("height").asLong();
        crop.putObject("absolute").put("x1", ax).put("y1", ay).put("x2", ax + aw).put("y2", ay + ah).put("width", aw).put("height", ah);
        crop.putObject("relative").put("x1", round4(x)).put("y1", round4(y)).put("x2", round4(x + w)).put("y2", round4(y + h))
                .put("width", round4(w)).put("height", round4(h));
        return crop;
    }

    /** bbox.py {@code Segment.serialize}: each of left, top, width, height scaled to 36^2 - 1 and written in base 36. */
    static String bbox(double left, double top, double width, double height) {
        long max = (long) Math.pow(36, BBOX_DIGITS) - 1;
        StringBuilder out = new StringBuilder();
        for (double v : new double[] {left, top, width, height}) {
            // Python rounds halves to even; so does rint.
            String digits = Long.toString((long) Math.rint(Math.min(1, Math.max(0, v)) * max), 36);
            out.append("0".repeat(BBOX_DIGITS - digits.length())).append(digits);
        }
        return out.toString();
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
