package dev.ferry.demos.similarity;

import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.demos.matching.Transposition;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A similarity job's parameters, read once from the validated map.
 *
 * @param transpositions what a copy may have undergone
 * @param queries        input numbers (from 1) whose images are the queries; empty: every image against every other
 * @param crops          the regions compared instead of whole pages; empty: whole pages
 */
record SimilaritySettings(String engine, int topk, double minScore, Set<Transposition> transpositions,
                          Set<Integer> queries, boolean rerank, String model, List<Crop> crops) {
    /** The feature extractor an embedding job uses unless it names another, under models/similarity/. */
    static final String DEFAULT_MODEL = "default";
    /** How many of the embedding engine's candidates local features verify when reranking, at least the top k. */
    static final int RERANK_SHORTLIST = 50;
    /** A bound on the request's size; each engine's own capacity is checked as the crops are read. */
    static final int MAX_CROPS = 100_000;

    static ParamSpec spec() {
        return ParamSpec.of(
                Param.oneOf("engine", "local", "embedding")
                        .describe("local: SIFT keypoints matched and verified by a RANSAC fit (no model needed);"
                                + " embedding: cosine of an ONNX feature extractor's vectors (model)"),
                Param.integer("topk", 20).range(1, 200)
                        .describe("most similar images listed per image"),
                Param.number("min_score", 0).range(0, 1)
                        .describe("pairs scoring below this are left out; local: score = inliers / (inliers + 20)"),
                Param.string("transpositions", "all").range(1, 100)
                        .describe("what a copy may have undergone, comma-separated among none, rot90, rot180, rot270,"
                                + " hflip, vflip (rot90 is a quarter turn counter-clockwise); all: the six"),
                Param.string("queries", "").range(0, 200)
                        .describe("comma-separated input numbers (1 = first file sent) whose images are compared with"
                                + " the other inputs' images only; empty: every image against every other"),
                Param.bool("rerank", false)
                        .describe("embedding: verify each image's " + RERANK_SHORTLIST + " nearest by local features"
                                + " (scores become theirs; no effect with local)"),
                Param.string("model", DEFAULT_MODEL).range(1, 64)
                        .describe("embedding: the feature extractor under models/similarity/"),
                Param.list(Crop.PARAM).range(0, MAX_CROPS)
                        .describe("compare these regions instead of whole pages: [{\"input\": 1, \"image\": \"p3.png\","
                                + " \"box\": [x1, y1, x2, y2], \"id\": \"name\"}], image being a page's source or file"
                                + " name and box fractions of its width and height; empty: whole pages"));
    }

    static SimilaritySettings of(Map<String, Object> params) {
        return new SimilaritySettings((String) params.get("engine"), ((Number) params.get("topk")).intValue(),
                ((Number) params.get("min_score")).doubleValue(), transpositions((String) params.get("transpositions")),
                queries((String) params.get("queries")), (Boolean) params.get("rerank"),
                (String) params.get("model"), Crop.list((List<?>) params.get(Crop.PARAM)));
    }

    boolean embedding() {
        return "embedding".equals(engine);
    }

    static Set<Transposition> transpositions(String text) {
        if (text.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Transposition.class);
        }
        Set<Transposition> chosen = EnumSet.noneOf(Transposition.class);
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                chosen.add(Transposition.of(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidParamException("transpositions", e.getMessage() + ", or all");
            }
        }
        if (chosen.isEmpty()) {
            throw new InvalidParamException("transpositions", "name at least one transposition, or all");
        }
        return chosen;
    }

    static Set<Integer> queries(String text) {
        Set<Integer> inputs = new TreeSet<>();
        for (String number : text.split(",")) {
            if (number.isBlank()) {
                continue;
            }
            try {
                int n = Integer.parseInt(number.strip());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                inputs.add(n);
            } catch (NumberFormatException e) {
                throw new InvalidParamException("queries", "queries lists input numbers from 1 (the first file sent),"
                        + " comma-separated, e.g. 1 or 1,3; got '" + number.strip() + "'");
            }
        }
        return inputs;
    }
}
