package dev.ferry.demos.inference.tfjs;

import java.io.IOException;
import java.util.List;

/**
 * {@code _FusedConv2D}, Grappler's convolution with its bias (and activation) folded in:
 * an ONNX Conv with the kernel in OIHW and the bias, then Relu when fused.
 */
final class FusedConv2dOp implements TfOp {
    private static final List<String> BIAS = List.of("BiasAdd");
    private static final List<String> BIAS_RELU = List.of("BiasAdd", "Relu");

    @Override
    public void convert(TfNode node, Conversion c) throws IOException {
        List<String> fused = node.strings("fused_ops");
        if (!fused.equals(BIAS) && !fused.equals(BIAS_RELU)) {
            throw new IOException("_FusedConv2D " + node.name() + " fuses " + fused
                    + "; the importer converts [BiasAdd] and [BiasAdd, Relu]");
        }
        OnnxValue x = c.value(node.input(0));
        TfWeight kernel = c.weight(node.input(1));
        TfWeight bias = c.weight(node.input(2));
        long out = kernel.dim(3);
        Window window = Window.of(node, kernel.dim(0), kernel.dim(1), x);
        String w = c.initializer(node.input(1), KernelLayouts.oihw(kernel), out, kernel.dim(2), kernel.dim(0), kernel.dim(1));
        String b = c.initializer(node.input(2), bias.values(), out);
        boolean relu = fused.equals(BIAS_RELU);
        String conv = relu ? node.name() + "/conv" : node.name();
        c.graph().node("Conv", List.of(x.name(), w, b), List.of(conv), window.convAttrs(1));
        if (relu) {
            c.graph().node("Relu", List.of(conv), List.of(node.name()));
        }
        c.define(node.name(), new OnnxValue(node.name(), window.outputDims(x, out), true));
    }
}
