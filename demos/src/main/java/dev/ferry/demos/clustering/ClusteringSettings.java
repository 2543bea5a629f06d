package dev.ferry.demos.clustering;

import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.storage.JobFiles;
import java.util.Map;
import java.util.Optional;

/**
 * A clustering job's parameters, read once from the validated map.
 *
 * @param assignTo        reference images (another job's output files) to assign items to instead of clustering
 * @param groupsByFolder  with {@code assignTo}: the references in one folder form one group (else one group per file)
 */
record ClusteringSettings(boolean embedding, int clusters, Transformation transformation, int iterations, int size,
                          long seed, String model, double distanceThreshold, Optional<JobFiles> assignTo,
                          boolean groupsByFolder) {
    static final String DEFAULT_MODEL = "resnet18";

    static ParamSpec spec() {
        return ParamSpec.of(
                Param.oneOf("engine", "tik", "embedding")
                        .describe("tik: transformation-invariant k-means on the pixels (no model needed); embedding:"
                                + " an ONNX feature extractor, then k-means or agglomerative clustering"),
                Param.integer("n_prototypes", 10).range(1, 200)
                        .describe("number of clusters (k); with more than there are images, one per image"),
                Param.oneOf("transformation", "similarity", "identity", "translation", "affine")
                        .describe("tik: what an image may undergo to match a prototype: similarity = shift + rotation"
                                + " + scale"),
                Param.integer("iterations", 20).range(1, 500)
                        .describe("most rounds of align-assign-average; stops earlier once nothing changes"),
                Param.integer("size", 64).range(16, 256)
                        .describe("tik: side of the square images are brought to, in pixels"),
                Param.integer("seed", 0).range(0, Integer.MAX_VALUE)
                        .describe("seeds the choice of the first prototypes: same seed, same result"),
                Param.string("model", DEFAULT_MODEL).range(1, 64)
                        .describe("embedding: the feature extractor under models/clustering/"),
                Param.number("distance_threshold", 0).range(0, 2)
                        .describe("embedding: above 0, agglomerative clustering that merges clusters closer than this"
                                + " cosine distance and finds k itself; 0 uses k-means with n_prototypes"),
                Param.string("assign_to", "").range(0, 300)
                        .describe("<job id>/<pattern>: reference images among an earlier job's outputs, e.g."
                                + " clustering-01.../prototypes/*; items are assigned to them instead of clustered"),
                Param.oneOf("reference_groups", "file", "folder")
                        .describe("with assign_to: each reference image is a group (file), or the images of one"
                                + " folder are (folder)"));
    }

    static ClusteringSettings of(Map<String, Object> params) {
        return new ClusteringSettings(
                "embedding".equals(params.get("engine")),
                ((Number) params.get("n_prototypes")).intValue(),
                Transformation.of((String) params.get("transformation")),
                ((Number) params.get("iterations")).intValue(),
                ((Number) params.get("size")).intValue(),
                ((Number) params.get("seed")).longValue(),
                (String) params.get("model"),
                ((Number) params.get("distance_threshold")).doubleValue(),
                assignTo((String) params.get("assign_to")),
                "folder".equals(params.get("reference_groups")));
    }

    /** {@code <job id>/<pattern>} as a job entry; empty text is none. */
    static Optional<JobFiles> assignTo(String text) {
        String given = text == null ? "" : text.strip();
        if (given.isEmpty()) {
            return Optional.empty();
        }
        int slash = given.indexOf('/');
        if (slash < 0) {
            throw new InvalidParamException("assign_to", "assign_to must be <job id>/<pattern> naming reference images"
                    + " among a job's outputs, e.g. clustering-01jdb7q1c0m8m8e0z0d3qj6y2w/prototypes/*; got '" + given + "'");
        }
        try {
            return Optional.of(JobFiles.of("assign_to", given.substring(0, slash), given.substring(slash + 1)));
        } catch (IllegalArgumentException e) {
            throw new InvalidParamException("assign_to", e.getMessage().replaceFirst("^assign_to\\.(job|files)", "assign_to"));
        }
    }
}
