package dev.ferry.demos.vectorization;

import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import dev.ferry.demos.inference.onnx.OnnxGraph;
import java.util.List;
import java.util.Map;

/** Primitive detectors for tests, written with the testkit's ONNX writer, whose outputs are known exactly. */
final class PrimitiveGraphs {
    static final List<String> LABELS = List.of("line", "circle", "arc", "no_object");

    private PrimitiveGraphs() {}

    /**
     * A detector of the {@code primitives} contract answering {@code scores [1,Q,C]} and
     * {@code params [1,Q,6]} whatever the image: input {@code images [1,3,size,size]}, which still
     * flows into both outputs (times zero) so the graph reads it like a real model.
     */
    static byte[] constant(int size, float[] scores, float[] params, int queries) {
        long classes = scores.length / queries;
        return OnnxGraph.named("constant_primitives")
                .input("images", OnnxGraph.FLOAT, 1, 3, size, size)
                .initializer("zero", new float[] {0f})
                .node("ReduceMean", List.of("images"), List.of("mean"), Attr.of("keepdims", 0L))
                .node("Mul", List.of("mean", "zero"), List.of("nothing"))
                .node("Constant", List.of(), List.of("fixed_scores"), Attr.tensor("value", scores, 1, queries, classes))
                .node("Constant", List.of(), List.of("fixed_params"), Attr.tensor("value", params, 1, queries, 6))
                .node("Add", List.of("fixed_scores", "nothing"), List.of("scores"))
                .node("Add", List.of("fixed_params", "nothing"), List.of("params"))
                .output("scores", OnnxGraph.FLOAT, 1, queries, classes)
                .output("params", OnnxGraph.FLOAT, 1, queries, 6)
                .toBytes();
    }

    static ModelContract contract(int size, List<String> labels) {
        return new ModelContract("primitives", "test primitive detector",
                new ModelContract.ImageInput("images", "NCHW", size, size, false, "rgb"),
                ModelContract.Normalization.UNIT, labels, Map.of("confidence", 0.5), null);
    }
}
