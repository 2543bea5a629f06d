package dev.ferry.demos.clustering;

import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.onnx.OnnxGraph;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A feature extractor of the embedding contract with known weights: the image
 * {@code [1,3,S,S]} flattened and multiplied by a fixed random matrix, which keeps distances
 * between images roughly as they were (a random projection), so images alike give vectors alike.
 */
final class EmbeddingGraph {
    static final int SIDE = 16;
    static final int DIMENSION = 48;

    private EmbeddingGraph() {}

    static byte[] onnx() {
        int inputs = 3 * SIDE * SIDE;
        float[] w = new float[inputs * DIMENSION];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) / Math.sqrt(inputs));
        }
        return OnnxGraph.named("embedding")
                .input("images", OnnxGraph.FLOAT, 1, 3, SIDE, SIDE)
                .initializer("w", w, inputs, DIMENSION)
                .node("Flatten", List.of("images"), List.of("flat"), OnnxGraph.Attr.of("axis", 1L))
                .node("MatMul", List.of("flat", "w"), List.of("features"))
                .output("features", OnnxGraph.FLOAT, 1, DIMENSION)
                .toBytes();
    }

    /** ImageNet's mean and standard deviation, as a torchvision backbone expects. */
    static ModelContract contract(String task) {
        return new ModelContract(task, "test feature extractor",
                new ModelContract.ImageInput("images", "NCHW", SIDE, SIDE, false, "rgb"),
                new ModelContract.Normalization(1 / 255.0, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225)),
                List.of(), Map.of(), null);
    }
}
