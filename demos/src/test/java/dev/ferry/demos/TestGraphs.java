package dev.ferry.demos;

import dev.ferry.testkit.OnnxGraph;
import dev.ferry.testkit.OnnxGraph.Attr;
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
}
