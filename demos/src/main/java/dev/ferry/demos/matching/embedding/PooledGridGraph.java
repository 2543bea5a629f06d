package dev.ferry.demos.matching.embedding;

import dev.ferry.demos.inference.EmbeddingModel;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.onnx.OnnxGraph;
import java.util.List;
import java.util.Map;

/**
 * A feature extractor of the {@code embedding} contract that needs no download: the image, at
 * {@link #SIDE} pixels square and normalised as ImageNet's, averaged over a {@link #GRID} by
 * {@link #GRID} grid of cells and flattened, channel by channel. Its vectors are known
 * exactly (what the tests check) and alike for images alike; the benchmark measures with it.
 */
public final class PooledGridGraph {
    public static final int SIDE = 32;
    public static final int GRID = 4;
    public static final int DIMENSION = 3 * GRID * GRID;

    private PooledGridGraph() {}

    public static byte[] onnx() {
        long cell = SIDE / GRID;
        return OnnxGraph.named("pooled-grid")
                .input("images", OnnxGraph.FLOAT, 1, 3, SIDE, SIDE)
                .node("AveragePool", List.of("images"), List.of("grid"),
                        OnnxGraph.Attr.ints("kernel_shape", cell, cell), OnnxGraph.Attr.ints("strides", cell, cell))
                .node("Flatten", List.of("grid"), List.of("features"), OnnxGraph.Attr.of("axis", 1L))
                .output("features", OnnxGraph.FLOAT, 1, DIMENSION)
                .toBytes();
    }

    public static ModelContract contract() {
        return new ModelContract(EmbeddingModel.TASK, "pooled grid: mean colour of 4 x 4 cells",
                new ModelContract.ImageInput("images", "NCHW", SIDE, SIDE, false, "rgb"),
                new ModelContract.Normalization(1 / 255.0, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225)),
                List.of(), Map.of(), null);
    }
}
