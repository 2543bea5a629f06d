package dev.ferry.compat.discover;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * discover's parameters as Ferry's demos take them. Only the keys discover's own tasks read are
 * mapped (regions: model, postprocess; vectorization: model; clustering: n_prototypes,
 * background_option, transformation_sequence; similarity: feat_net, algorithm, transpositions,
 * topk); others are ignored, as discover ignores them.
 * A value Ferry cannot honour is refused (400) rather than silently run otherwise.
 */
final class ParameterMapping {
    /** discover's watermark post-processing: square boxes with a 5 % margin (app/regions/regions.py, EXTRACTOR_POSTPROCESS_KWARGS). */
    static final double WATERMARK_MARGIN = 0.05;

    private ParameterMapping() {}

    static Map<String, Object> toFerry(String demo, Map<String, Object> discover) {
        return switch (demo) {
            case "regions" -> regions(discover);
            case "vectorization" -> vectorization(discover);
            case "clustering" -> clustering(discover);
            case "similarity" -> SimilarityParameters.toFerry(discover);
            default -> Map.of();
        };
    }

    private static Map<String, Object> regions(Map<String, Object> discover) {
        Map<String, Object> ferry = new LinkedHashMap<>();
        text(discover, "model").ifPresent(model -> ferry.put("model", modelStem(model)));
        String postprocess = text(discover, "postprocess").orElse("none");
        switch (postprocess) {
            case "none" -> { }
            case "watermarks" -> {
                ferry.put("postprocess", "square");
                ferry.put("margin", WATERMARK_MARGIN);
            }
            default -> throw DiscoverRequest.invalid("postprocess", "postprocess must be none or watermarks; got '" + postprocess + "'");
        }
        return ferry;
    }

    /** Without a model, Ferry's OpenCV engine, which needs none; with one, that model on the ONNX engine. */
    private static Map<String, Object> vectorization(Map<String, Object> discover) {
        return text(discover, "model")
                .<Map<String, Object>>map(model -> Map.of("engine", "onnx", "model", modelStem(model)))
                .orElse(Map.of());
    }

    private static Map<String, Object> clustering(Map<String, Object> discover) {
        Map<String, Object> ferry = new LinkedHashMap<>();
        Optional.ofNullable(discover.get("n_prototypes")).ifPresent(n -> ferry.put("n_prototypes", n));
        String background = text(discover, "background_option").orElse("0_dti");
        if (!"0_dti".equals(background)) {
            throw DiscoverRequest.invalid("background_option", "Ferry's clustering has no sprite (background or foreground)"
                    + " model; background_option must be 0_dti, got '" + background + "'");
        }
        text(discover, "transformation_sequence").ifPresent(sequence -> ferry.put("transformation", transformation(sequence)));
        return ferry;
    }

    /**
     * DTI's sequence (identity, color, affine, projective, tps, joined by '_') as the one
     * transformation Ferry's tik engine aligns with; colour is not modelled (images are compared
     * as grey levels) and projective and thin-plate-spline deformations are not supported.
     */
    private static String transformation(String sequence) {
        String lower = sequence.toLowerCase(Locale.ROOT);
        if (lower.contains("projective") || lower.contains("tps")) {
            throw DiscoverRequest.invalid("transformation_sequence", "Ferry's clustering aligns by affine maps at most;"
                    + " projective and tps are not supported (got '" + sequence + "')");
        }
        return lower.contains("affine") ? "affine" : "identity";
    }

    /** discover names models by file stem ({@code illustration_extraction.pt} or without the suffix). */
    static String modelStem(String model) {
        int dot = model.indexOf('.');
        return dot > 0 ? model.substring(0, dot) : model;
    }

    static Optional<String> text(Map<String, Object> map, String key) {
        return Optional.ofNullable(map.get(key)).map(String::valueOf).filter(v -> !v.isBlank());
    }
}
