package dev.ferry.demos.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reads YOLO detection outputs, whose layout is told by their shape:
 * v5 {@code [1, N, 5+C]} rows of cx, cy, w, h, objectness, class scores; v8/v11
 * {@code [1, 4+C, N]} columns of cx, cy, w, h, class scores. Boxes are in input pixels.
 */
final class YoloOutputs {
    enum Layout { V5, V8 }

    private YoloOutputs() {}

    /**
     * @param classes the contract's label count, or 0 when it names none (then the longer axis is N)
     */
    static Layout layoutOf(long[] shape, int classes) {
        if (shape.length != 3 || shape[0] != 1) {
            throw new IllegalArgumentException("a YOLO output has shape [1, N, 5+C] or [1, 4+C, N], got "
                    + Arrays.toString(shape));
        }
        long a = shape[1];
        long b = shape[2];
        if (classes > 0) {
            boolean v8 = a == 4 + classes;
            boolean v5 = b == 5 + classes;
            if (v8 != v5) {
                return v8 ? Layout.V8 : Layout.V5;
            }
            if (!v8) {
                throw new IllegalArgumentException("output shape " + Arrays.toString(shape) + " fits neither [1, 4+C, N]"
                        + " nor [1, N, 5+C] with the " + classes + " labels of model.json");
            }
        }
        return a < b ? Layout.V8 : Layout.V5;
    }

    /** Each anchor's best class, kept when its score reaches {@code confidence}. */
    static List<Detection> decode(float[] out, long[] shape, int classes, double confidence, IntFunction<String> label) {
        Layout layout = layoutOf(shape, classes);
        List<Detection> found = new ArrayList<>();
        if (layout == Layout.V8) {
            int c = (int) shape[1] - 4;
            int n = (int) shape[2];
            for (int j = 0; j < n; j++) {
                int best = 0;
                float score = out[4 * n + j];
                for (int k = 1; k < c; k++) {
                    float s = out[(4 + k) * n + j];
                    if (s > score) {
                        score = s;
                        best = k;
                    }
                }
                if (score >= confidence) {
                    found.add(new Detection(best, label.apply(best), score,
                            Box.ofCenter(out[j], out[n + j], out[2 * n + j], out[3 * n + j])));
                }
            }
        } else {
            int n = (int) shape[1];
            int stride = (int) shape[2];
            int c = stride - 5;
            for (int i = 0; i < n; i++) {
                int row = i * stride;
                float objectness = out[row + 4];
                if (objectness < confidence) {
                    continue;
                }
                int best = 0;
                float cls = out[row + 5];
                for (int k = 1; k < c; k++) {
                    if (out[row + 5 + k] > cls) {
                        cls = out[row + 5 + k];
                        best = k;
                    }
                }
                float score = objectness * cls;
                if (score >= confidence) {
                    found.add(new Detection(best, label.apply(best), score,
                            Box.ofCenter(out[row], out[row + 1], out[row + 2], out[row + 3])));
                }
            }
        }
        return found;
    }
}
