package dev.ferry.demos.inference.tfjs;

import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import java.io.IOException;

/**
 * The sliding window of a TF convolution or pooling over an NHWC image, as ONNX attributes.
 * TensorFlow's {@code SAME} padding becomes explicit pads computed from the known input size
 * (ONNX's {@code SAME_UPPER} is deprecated): the total pad is what makes
 * {@code ceil(size / stride)} outputs, and TensorFlow puts its odd pixel at the end.
 *
 * @param pads {@code [top, left, bottom, right]}, ONNX's order
 */
record Window(long[] kernel, long[] strides, long[] dilations, long[] pads, long outHeight, long outWidth) {

    static Window of(TfNode node, long kernelH, long kernelW, OnnxValue input) throws IOException {
        if (node.has("data_format") && !node.string("data_format").equals("NHWC")) {
            throw new IOException(node.op() + " " + node.name() + " has data_format " + node.string("data_format")
                    + "; the importer converts NHWC graphs");
        }
        if (!input.channelsFirst()) {
            throw new IOException(node.op() + " " + node.name() + " needs a 4-d image input");
        }
        long[] strides = spatial(node, "strides");
        long[] dilations = node.has("dilations") ? spatial(node, "dilations") : new long[] {1, 1};
        long[] kernel = {kernelH, kernelW};
        long[] size = {input.dims()[2], input.dims()[3]};
        long[] out = new long[2];
        long[] pads = new long[4];
        String padding = node.string("padding");
        for (int axis = 0; axis < 2; axis++) {
            long span = (kernel[axis] - 1) * dilations[axis] + 1;
            switch (padding) {
                case "VALID" -> out[axis] = (size[axis] - span) / strides[axis] + 1;
                case "SAME" -> {
                    out[axis] = (size[axis] + strides[axis] - 1) / strides[axis];
                    long total = Math.max((out[axis] - 1) * strides[axis] + span - size[axis], 0);
                    pads[axis] = total / 2;
                    pads[axis + 2] = total - total / 2;
                }
                default -> throw new IOException(node.op() + " " + node.name() + " has padding " + padding
                        + "; the importer converts SAME and VALID");
            }
        }
        return new Window(kernel, strides, dilations, pads, out[0], out[1]);
    }

    /** {@code [N, channels, outHeight, outWidth]}. */
    long[] outputDims(OnnxValue input, long channels) {
        return new long[] {input.dims()[0], channels, outHeight, outWidth};
    }

    Attr[] convAttrs(long group) {
        return new Attr[] {Attr.ints("kernel_shape", kernel), Attr.ints("strides", strides),
                Attr.ints("dilations", dilations), Attr.ints("pads", pads), Attr.of("group", group)};
    }

    Attr[] poolAttrs() {
        return new Attr[] {Attr.ints("kernel_shape", kernel), Attr.ints("strides", strides), Attr.ints("pads", pads)};
    }

    /** A TF NHWC attribute {@code [1, h, w, 1]} as {@code [h, w]}. */
    private static long[] spatial(TfNode node, String attr) throws IOException {
        long[] v = node.ints(attr);
        if (v.length != 4 || v[0] != 1 || v[3] != 1) {
            throw new IOException(node.op() + " " + node.name() + " has " + attr + " " + java.util.Arrays.toString(v)
                    + "; the importer converts [1, h, w, 1]");
        }
        return new long[] {v[1], v[2]};
    }
}
