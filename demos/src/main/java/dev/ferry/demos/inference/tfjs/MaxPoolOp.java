package dev.ferry.demos.inference.tfjs;

import java.io.IOException;
import java.util.List;

/**
 * {@code MaxPool}. ONNX's MaxPool, like TensorFlow's, ignores the padding (it is never the
 * maximum), so SAME becomes explicit pads with the same result.
 */
final class MaxPoolOp implements TfOp {
    @Override
    public void convert(TfNode node, Conversion c) throws IOException {
        OnnxValue x = c.value(node.input(0));
        long[] ksize = node.ints("ksize");
        if (ksize.length != 4 || ksize[0] != 1 || ksize[3] != 1) {
            throw new IOException("MaxPool " + node.name() + " pools over batch or channels; the importer converts [1, h, w, 1]");
        }
        Window window = Window.of(node, ksize[1], ksize[2], x);
        c.graph().node("MaxPool", List.of(x.name()), List.of(node.name()), window.poolAttrs());
        c.define(node.name(), new OnnxValue(node.name(), window.outputDims(x, x.dims()[1]), true));
    }
}
