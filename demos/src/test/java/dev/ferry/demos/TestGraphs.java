package dev.ferry.demos;

import dev.ferry.demos.inference.onnx.OnnxGraph;
import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import java.util.List;

/** The ONNX graphs the demos' tests run, written with the testkit's writer. */
public final class TestGraphs {
    private TestGraphs() {}

    /** Identity over {@code float[1]}: the model InferenceDevice probes a device with. */
    public static byte[] probe() {
        return OnnxGraph.named("probe")
                .input("x", OnnxGraph.FLOAT, 1)
                .node("Identity", List.of("x"), List.of("y"))
                .output("y", OnnxGraph.FLOAT, 1)
                .toBytes();
    }

    /**
     * A detector whose output is the given constant, whatever the image: input
     * {@code images [1,3,size,size]}, output {@code output0} of {@code shape}.
     * The input still flows into the output (times zero) so the graph reads it like a real model.
     */
    public static byte[] constantDetector(int size, float[] output, long... shape) {
        return OnnxGraph.named("constant_detector")
                .input("images", OnnxGraph.FLOAT, 1, 3, size, size)
                .initializer("zero", new float[] {0f})
                .node("ReduceMean", List.of("images"), List.of("mean"), Attr.of("keepdims", 0L))
                .node("Mul", List.of("mean", "zero"), List.of("nothing"))
                .node("Constant", List.of(), List.of("answer"), Attr.tensor("value", output, shape))
                .node("Add", List.of("answer", "nothing"), List.of("output0"))
                .output("output0", OnnxGraph.FLOAT, shape)
                .toBytes();
    }

    /**
     * A slow model: {@code links} matrix products of {@code x [rows,n]} with a fixed {@code n×n}
     * matrix, one after another, so ONNX Runtime checks for termination between them. The
     * rows are dynamic: one row is quick (the warm-up), {@code n} rows are slow.
     */
    public static byte[] matMulChain(int n, int links) {
        float[] w = new float[n * n];
        for (int i = 0; i < n; i++) {
            w[i * n + i] = 1f;
            w[i * n + (i + 1) % n] = 0.001f;
        }
        OnnxGraph g = OnnxGraph.named("matmul_chain")
                .input("x", OnnxGraph.FLOAT, -1, n)
                .initializer("w", w, n, n);
        String previous = "x";
        for (int i = 0; i < links; i++) {
            String next = i == links - 1 ? "y" : "h" + i;
            g.node("MatMul", List.of(previous, "w"), List.of(next));
            previous = next;
        }
        return g.output("y", OnnxGraph.FLOAT, -1, n).toBytes();
    }

    /**
     * An emotion classifier with the FER+ signature whose output is known:
     * {@code scores = mean(face pixels) * weights + bias} over input {@code [1,1,64,64]}, so a
     * face of one grey value has scores a test can compute. With {@code softmax} the graph ends
     * in a Softmax and outputs probabilities instead of logits.
     */
    public static byte[] emotion(String inputName, float[] weights, float[] bias, boolean softmax) {
        int classes = weights.length;
        OnnxGraph g = OnnxGraph.named("emotion")
                .input(inputName, OnnxGraph.FLOAT, 1, 1, 64, 64)
                .initializer("w", weights, 1, classes)
                .initializer("b", bias, classes)
                .node("ReduceMean", List.of(inputName), List.of("mean"), Attr.ints("axes", 2, 3), Attr.of("keepdims", 0L))
                .node("MatMul", List.of("mean", "w"), List.of("scaled"))
                .node("Add", List.of("scaled", "b"), List.of(softmax ? "logits" : "scores"));
        if (softmax) {
            g.node("Softmax", List.of("logits"), List.of("scores"), Attr.of("axis", -1L));
        }
        return g.output("scores", OnnxGraph.FLOAT, 1, classes).toBytes();
    }

    /**
     * A model with BlazeFace's signature ({@code input:0 [1,size,size,3]}) whose four outputs
     * are the given constants, whatever the image: score logits {@code Identity:0 [1,512,1]},
     * {@code Identity_1:0 [1,384,1]} and boxes {@code Identity_2:0 [1,512,16]},
     * {@code Identity_3:0 [1,384,16]}.
     */
    public static byte[] constantBlazeFace(int size, float[] scores8, float[] scores16, float[] boxes8, float[] boxes16) {
        OnnxGraph g = OnnxGraph.named("constant_blazeface")
                .input("input:0", OnnxGraph.FLOAT, 1, size, size, 3)
                .initializer("zero", new float[] {0f})
                .node("ReduceMean", List.of("input:0"), List.of("mean"), Attr.of("keepdims", 0L))
                .node("Mul", List.of("mean", "zero"), List.of("nothing"));
        constantOutput(g, "Identity:0", scores8, 1, 512, 1);
        constantOutput(g, "Identity_1:0", scores16, 1, 384, 1);
        constantOutput(g, "Identity_2:0", boxes8, 1, 512, 16);
        constantOutput(g, "Identity_3:0", boxes16, 1, 384, 16);
        return g.toBytes();
    }

    private static void constantOutput(OnnxGraph g, String name, float[] values, long... shape) {
        g.node("Constant", List.of(), List.of(name + "_value"), Attr.tensor("value", values, shape))
                .node("Add", List.of(name + "_value", "nothing"), List.of(name))
                .output(name, OnnxGraph.FLOAT, shape);
    }
}
