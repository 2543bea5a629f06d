package dev.ferry.demos.vectorization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@code regions} parameter: which parts of the pages to vectorize, in pixels of the page.
 * <ul>
 *   <li>{@code ""} (the default): every page whole;</li>
 *   <li>{@code [{"x": 10, "y": 20, "width": 300, "height": 200}, ...]}: these boxes on every page;</li>
 *   <li>{@code {"1": [...], "3": [...]}}: boxes for the pages so numbered (from 1, counting every
 *       page of every input in order); pages not named are vectorized whole.</li>
 * </ul>
 */
record CropBoxes(List<CropBox> everyPage, Map<Integer, List<CropBox>> byPage) {
    static final CropBoxes NONE = new CropBoxes(List.of(), Map.of());
    static final int MAX_BOXES = 1000;

    /** @throws IllegalArgumentException saying what is wrong, for the client */
    static CropBoxes parse(String json) {
        if (json.isBlank()) {
            return NONE;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("regions is not valid JSON: " + e.getOriginalMessage());
        }
        if (root.isArray()) {
            return check(new CropBoxes(boxes(root, "regions"), Map.of()));
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("regions must be a list of boxes or an object of page numbers to lists");
        }
        Map<Integer, List<CropBox>> byPage = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int page;
            try {
                page = Integer.parseInt(e.getKey());
            } catch (NumberFormatException bad) {
                page = 0;
            }
            if (page < 1) {
                throw new IllegalArgumentException("regions: '" + e.getKey() + "' is not a page number (1, 2, ...)");
            }
            byPage.put(page, boxes(e.getValue(), "regions[\"" + e.getKey() + "\"]"));
        }
        return check(new CropBoxes(List.of(), Map.copyOf(byPage)));
    }

    /** The boxes to vectorize on page {@code page} (from 1); empty for the whole page. */
    List<CropBox> forPage(int page) {
        return byPage.getOrDefault(page, everyPage);
    }

    private static CropBoxes check(CropBoxes boxes) {
        int count = boxes.everyPage.size() + boxes.byPage.values().stream().mapToInt(List::size).sum();
        if (count > MAX_BOXES) {
            throw new IllegalArgumentException("regions names " + count + " boxes; at most " + MAX_BOXES);
        }
        return boxes;
    }

    private static List<CropBox> boxes(JsonNode list, String where) {
        if (!list.isArray()) {
            throw new IllegalArgumentException(where + " must be a list of boxes {\"x\", \"y\", \"width\", \"height\"}");
        }
        List<CropBox> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode box = list.get(i);
            String at = where + "[" + i + "]";
            out.add(new CropBox(whole(box, "x", at, 0), whole(box, "y", at, 0), whole(box, "width", at, 1),
                    whole(box, "height", at, 1)));
        }
        return List.copyOf(out);
    }

    private static int whole(JsonNode box, String field, String at, int min) {
        JsonNode v = box.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() && v.asDouble() != Math.rint(v.asDouble())) {
            throw new IllegalArgumentException(at + " needs \"" + field + "\", a whole number of pixels");
        }
        if (v.asInt() < min) {
            throw new IllegalArgumentException(at + ": \"" + field + "\" must be at least " + min + ", got " + v.asInt());
        }
        return v.asInt();
    }
}
