package dev.ferry.demos.similarity;

import dev.ferry.core.demo.InvalidParamException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region of one page that a job compares instead of whole pages (discover-api's crops).
 *
 * @param input the input it is on, from 1 (the first file sent)
 * @param image the page: its source as pairs.json's index lists it, or the end of that source after a '/'
 *              (a file name, a ZIP entry's path), so {@code p3.png} names {@code book.zip!/scans/p3.png}
 * @param box   x1, y1, x2, y2 as fractions of the page's width and height
 * @param id    its name in the index; {@code crop-<n>} (n from 1, its place in the list) when not given
 */
record Crop(int input, String image, List<Double> box, String id) {
    static final String PARAM = "crops";

    /** Whether {@code source}, a page's source, is the page this crop names. */
    boolean names(String source) {
        return source.equals(image) || source.endsWith("/" + image);
    }

    /** The crops as the validated parameter lists them, each checked; ids are unique. */
    static List<Crop> list(List<?> given) {
        List<Crop> crops = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < given.size(); n++) {
            Crop crop = of((Map<?, ?>) given.get(n), n);
            if (!ids.add(crop.id())) {
                throw invalid(n, "id '" + crop.id() + "' is given to two crops; each crop needs its own");
            }
            crops.add(crop);
        }
        return crops;
    }

    private static Crop of(Map<?, ?> fields, int n) {
        for (Object key : fields.keySet()) {
            if (!Set.of("input", "image", "box", "id").contains(key)) {
                throw invalid(n, "unknown field '" + key + "'; a crop has input, image, box and id");
            }
        }
        if (!(fields.get("input") instanceof Number input) || input.doubleValue() != Math.rint(input.doubleValue())
                || input.doubleValue() < 1) {
            throw invalid(n, "input must be the number of the input the crop is on, from 1 (the first file sent); got "
                    + fields.get("input"));
        }
        if (!(fields.get("image") instanceof String image) || image.isBlank()) {
            throw invalid(n, "image must name the page: its source as pairs.json lists it, or its file name");
        }
        Object id = fields.containsKey("id") ? fields.get("id") : "crop-" + (n + 1);
        if (!(id instanceof String name) || name.isBlank() || name.length() > 200) {
            throw invalid(n, "id, when given, must be a name of 1 to 200 characters");
        }
        return new Crop(input.intValue(), image, box(fields.get("box"), n), name);
    }

    private static List<Double> box(Object given, int n) {
        String wanted = "box must be [x1, y1, x2, y2], fractions of the page's width and height with"
                + " 0 <= x1 < x2 <= 1 and 0 <= y1 < y2 <= 1; got " + given;
        if (!(given instanceof List<?> list) || list.size() != 4 || !list.stream().allMatch(Number.class::isInstance)) {
            throw invalid(n, wanted);
        }
        List<Double> box = list.stream().map(v -> ((Number) v).doubleValue()).toList();
        if (box.stream().anyMatch(v -> !(v >= 0 && v <= 1)) || box.get(0) >= box.get(2) || box.get(1) >= box.get(3)) {
            throw invalid(n, wanted);
        }
        return box;
    }

    private static InvalidParamException invalid(int n, String message) {
        return new InvalidParamException(PARAM, PARAM + "[" + n + "]: " + message);
    }
}
