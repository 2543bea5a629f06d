package dev.ferry.demos.inference.tfjs;

import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import java.io.IOException;
import java.util.List;

/** {@code Softmax} over TensorFlow's last axis, which is axis 1 of an image held as NCHW. */
final class SoftmaxOp implements TfOp {
    @Override
    public void convert(TfNode node, Conversion c) throws IOException {
        OnnxValue x = c.value(node.input(0));
        long axis = x.channelsFirst() ? 1 : -1;
        c.graph().node("Softmax", List.of(x.name()), List.of(node.name()), Attr.of("axis", axis));
        c.define(node.name(), new OnnxValue(node.name(), x.dims(), x.channelsFirst()));
    }
}
