package dev.ferry.demos.sign;

import dev.ferry.demos.inference.onnx.OnnxGraph;
import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import java.util.ArrayList;
import java.util.List;

/**
 * Video classifiers whose scores are known from the frames: so a test knows which frame the
 * demo fed at which time step, in which channel order and how normalised.
 */
public final class SignGraphs {
    private SignGraphs() {}

    /**
     * Input {@code video} of {@code [1,T,3,H,W]} (NTCHW) or {@code [1,3,T,H,W]} (NCTHW); output
     * {@code logits [1, 3T]}: the mean of each channel of each time step, at index {@code 3t + c}
     * with c in the tensor's channel order. With {@code softmax} the output is {@code probs},
     * already a distribution. A first output {@code keypoints} (per-step channel maxima) stands
     * for a head the contract does not declare.
     */
    static byte[] stepMeans(String layout, int frames, int width, int height, boolean softmax) {
        boolean ntchw = layout.equals("NTCHW");
        long[] shape = ntchw ? new long[] {1, frames, 3, height, width} : new long[] {1, 3, frames, height, width};
        OnnxGraph g = OnnxGraph.named("step_means")
                .input("video", OnnxGraph.FLOAT, shape)
                .initializer("flat", new long[] {1, -1}, 2)
                .node("ReduceMean", List.of("video"), List.of("means"), Attr.ints("axes", 3, 4), Attr.of("keepdims", 0L))
                .node("ReduceMax", List.of("video"), List.of("maxima"), Attr.ints("axes", 3, 4), Attr.of("keepdims", 0L));
        String perStep = "means";
        if (!ntchw) {
            g.node("Transpose", List.of("means"), List.of("steps"), Attr.ints("perm", 0, 2, 1));
            perStep = "steps";
        }
        g.node("Reshape", List.of(perStep, "flat"), List.of("logits"));
        g.node("Identity", List.of("maxima"), List.of("keypoints"));
        g.output("keypoints", OnnxGraph.FLOAT, ntchw ? new long[] {1, frames, 3} : new long[] {1, 3, frames});
        if (softmax) {
            g.node("Softmax", List.of("logits"), List.of("probs"), Attr.of("axis", -1L));
            g.output("probs", OnnxGraph.FLOAT, 1, 3L * frames);
        } else {
            g.output("logits", OnnxGraph.FLOAT, 1, 3L * frames);
        }
        return g.toBytes();
    }

    /** Labels of {@link #stepMeans}: {@code t0_r, t0_g, t0_b, t1_r...} in the model's channel order. */
    static List<String> stepLabels(int frames, String channels) {
        List<String> labels = new ArrayList<>();
        for (int t = 0; t < frames; t++) {
            for (char c : channels.toCharArray()) {
                labels.add("t" + t + "_" + c);
            }
        }
        return labels;
    }

    /**
     * NTCHW input, output {@code scores [1,3]}: each channel's mean over all frames and pixels,
     * times {@code gain}: the dominant colour of the window wins.
     */
    public static byte[] colourMeans(int frames, int width, int height, float gain) {
        return OnnxGraph.named("colour_means")
                .input("video", OnnxGraph.FLOAT, 1, frames, 3, height, width)
                .initializer("gain", new float[] {gain})
                .node("ReduceMean", List.of("video"), List.of("means"), Attr.ints("axes", 1, 3, 4),
                        Attr.of("keepdims", 0L))
                .node("Mul", List.of("means", "gain"), List.of("scores"))
                .output("scores", OnnxGraph.FLOAT, 1, 3)
                .toBytes();
    }
}
