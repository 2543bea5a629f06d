package dev.ferry.demos.inference.tfjs;

import java.io.IOException;
import java.util.List;

/** {@code DepthwiseConv2dNative}: an ONNX Conv with one group per input channel. */
final class DepthwiseConv2dOp implements TfOp {
    @Override
    public void convert(TfNode node, Conversion c) throws IOException {
        OnnxValue x = c.value(node.input(0));
        TfWeight kernel = c.weight(node.input(1));
        long channels = kernel.dim(2);
        long out = channels * kernel.dim(3);
        Window window = Window.of(node, kernel.dim(0), kernel.dim(1), x);
        String w = c.initializer(node.input(1), KernelLayouts.depthwise(kernel), out, 1, kernel.dim(0), kernel.dim(1));
        c.graph().node("Conv", List.of(x.name(), w), List.of(node.name()), window.convAttrs(channels));
        c.define(node.name(), new OnnxValue(node.name(), window.outputDims(x, out), true));
    }
}
