package dev.ferry.demos.inference.tfjs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An element-wise operation whose inputs and output share one shape ({@code Relu},
 * {@code Identity}, {@code AddV2} of two computed tensors): the ONNX operator of the same
 * meaning, layout unchanged.
 */
final class SameShapeOp implements TfOp {
    private final String onnxType;

    SameShapeOp(String onnxType) {
        this.onnxType = onnxType;
    }

    @Override
    public void convert(TfNode node, Conversion c) throws IOException {
        OnnxValue first = c.value(node.input(0));
        List<String> inputs = new ArrayList<>();
        for (String in : node.inputs()) {
            OnnxValue v = c.value(in);
            if (!Arrays.equals(v.dims(), first.dims()) || v.channelsFirst() != first.channelsFirst()) {
                throw new IOException(node.op() + " " + node.name() + " mixes shapes " + Arrays.toString(first.dims())
                        + " and " + Arrays.toString(v.dims()) + "; the importer converts inputs of one shape");
            }
            inputs.add(v.name());
        }
        c.graph().node(onnxType, inputs, List.of(node.name()));
        c.define(node.name(), new OnnxValue(node.name(), first.dims(), first.channelsFirst()));
    }
}
