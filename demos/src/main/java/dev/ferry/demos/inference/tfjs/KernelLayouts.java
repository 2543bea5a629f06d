package dev.ferry.demos.inference.tfjs;

/** TensorFlow's convolution kernels in ONNX's layout. */
final class KernelLayouts {
    private KernelLayouts() {}

    /** A convolution kernel {@code [H, W, in, out]} (HWIO) as {@code [out, in, H, W]} (OIHW). */
    static float[] oihw(TfWeight kernel) {
        return transpose(kernel, 3, 2, 0, 1);
    }

    /**
     * A depthwise kernel {@code [H, W, C, M]} as a grouped convolution's {@code [C·M, 1, H, W]}:
     * that is {@code [C, M, H, W]} in memory, and TensorFlow numbers the outputs {@code c·M + m},
     * which is the order of ONNX's groups.
     */
    static float[] depthwise(TfWeight kernel) {
        return transpose(kernel, 2, 3, 0, 1);
    }

    /** The 4-d {@code kernel} with its axes reordered: result axis {@code i} is kernel axis {@code perm[i]}. */
    private static float[] transpose(TfWeight kernel, int... perm) {
        int[] dims = new int[4];
        int[] strides = new int[4];
        for (int axis = 3, stride = 1; axis >= 0; axis--) {
            dims[axis] = (int) kernel.dim(axis);
            strides[axis] = stride;
            stride *= dims[axis];
        }
        float[] from = kernel.values();
        float[] to = new float[from.length];
        int i = 0;
        for (int a = 0; a < dims[perm[0]]; a++) {
            for (int b = 0; b < dims[perm[1]]; b++) {
                for (int c = 0; c < dims[perm[2]]; c++) {
                    for (int d = 0; d < dims[perm[3]]; d++) {
                        to[i++] = from[a * strides[perm[0]] + b * strides[perm[1]] + c * strides[perm[2]] + d * strides[perm[3]]];
                    }
                }
            }
        }
        return to;
    }
}
