package dev.ferry.demos.inference.tfjs;

import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Mean} over an image's height and width (global average pooling): ONNX ReduceMean
 * over NCHW axes 2 and 3. Without {@code keep_dims} the result is {@code [N, C]}, the same
 * in both layouts.
 */
final class MeanOp implements TfOp {
    @Override
    public void convert(TfNode node, Conversion c) throws IOException {
        OnnxValue x = c.value(node.input(0));
        float[] axes = c.weight(node.input(1)).values();
        float[] sorted = axes.clone();
        Arrays.sort(sorted);
        if (!x.channelsFirst() || !Arrays.equals(sorted, new float[] {1, 2})) {
            throw new IOException("Mean " + node.name() + " reduces axes " + Arrays.toString(axes)
                    + "; the importer converts the mean over an image's height and width (axes 1, 2)");
        }
        boolean keep = node.bool("keep_dims");
        c.graph().node("ReduceMean", List.of(x.name()), List.of(node.name()),
                Attr.ints("axes", 2, 3), Attr.of("keepdims", keep ? 1L : 0L));
        long[] dims = keep ? new long[] {x.dims()[0], x.dims()[1], 1, 1} : new long[] {x.dims()[0], x.dims()[1]};
        c.define(node.name(), new OnnxValue(node.name(), dims, keep));
    }
}
