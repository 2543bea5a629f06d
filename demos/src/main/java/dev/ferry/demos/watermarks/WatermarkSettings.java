package dev.ferry.demos.watermarks;

import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.demos.matching.Transposition;
import java.util.List;
import java.util.Map;

/**
 * A watermarks job's parameters, read once from the validated map.
 *
 * @param detect         auto, on or off: whether the watermark is cut out of each photo by the detector
 * @param transpositions tried on the query, in the order matches.json's {@code query_flips} lists them
 */
record WatermarkSettings(String source, String detect, String detector, String engine, String model, int topk,
                         double minScore, List<Transposition> transpositions, double minDetectionScore) {
    static final String DEFAULT_DETECTOR = "detector";
    static final String DEFAULT_MODEL = "features";

    static ParamSpec spec() {
        return ParamSpec.of(
                Param.string("source", null).range(1, 64).required()
                        .describe("uid of the watermark source to match against (GET /api/v1/demos/watermarks/sources)"),
                Param.oneOf("detect", "auto", "on", "off")
                        .describe("auto: cut the watermark out with the detector when it is installed, else match the"
                                + " whole photo; on: the detector must be installed; off: the whole photo"),
                Param.string("detector", DEFAULT_DETECTOR).range(1, 64)
                        .describe("the detector under models/watermarks/ (YOLO contract, label watermark)"),
                Param.oneOf("engine", "local", "embedding")
                        .describe("local: SIFT keypoints verified by a RANSAC fit (no model needed); embedding: cosine"
                                + " of an ONNX feature extractor's vectors (model)"),
                Param.string("model", DEFAULT_MODEL).range(1, 64)
                        .describe("embedding: the feature extractor under models/watermarks/"),
                Param.integer("topk", 20).range(1, 100)
                        .describe("matches listed per query"),
                Param.number("min_score", 0).range(0, 1)
                        .describe("matches scoring below this are left out; local: score = inliers / (inliers + 20)"),
                Param.string("transpositions", "all").range(1, 100)
                        .describe("tried on the query, comma-separated among none, rot90, rot180, rot270, hflip, vflip"
                                + " (rot90 is a quarter turn counter-clockwise); all: the six"),
                Param.number("min_detection_score", 0.5).range(0, 1)
                        .describe("detected boxes scoring below this are not queries, except the best box of a photo"));
    }

    static WatermarkSettings of(Map<String, Object> params) {
        return new WatermarkSettings((String) params.get("source"), (String) params.get("detect"),
                (String) params.get("detector"), (String) params.get("engine"), (String) params.get("model"),
                ((Number) params.get("topk")).intValue(), ((Number) params.get("min_score")).doubleValue(),
                transpositions((String) params.get("transpositions")),
                ((Number) params.get("min_detection_score")).doubleValue());
    }

    boolean embedding() {
        return "embedding".equals(engine);
    }

    private static List<Transposition> transpositions(String text) {
        try {
            return Transposition.listOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidParamException("transpositions", e.getMessage());
        }
    }
}
