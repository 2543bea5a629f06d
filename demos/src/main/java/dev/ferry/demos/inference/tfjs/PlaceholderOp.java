package dev.ferry.demos.inference.tfjs;

import dev.ferry.demos.inference.onnx.OnnxGraph;
import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import java.io.IOException;
import java.util.List;

/**
 * A graph input. It keeps TensorFlow's name and NHWC shape, so the model is fed as the TF.js
 * graph was; an image input is transposed to NCHW for the nodes after it.
 */
final class PlaceholderOp implements TfOp {
    @Override
    public void convert(TfNode node, Conversion c) throws IOException {
        if (!node.type("dtype").equals("DT_FLOAT")) {
            throw new IOException("input " + node.name() + " is " + node.type("dtype") + "; the importer converts float inputs");
        }
        long[] nhwc = node.shape("shape");
        c.graph().input(node.name(), OnnxGraph.FLOAT, nhwc);
        if (nhwc.length != 4) {
            c.define(node.name(), new OnnxValue(node.name(), nhwc, false));
            return;
        }
        String nchw = node.name() + "/nchw";
        c.graph().node("Transpose", List.of(node.name()), List.of(nchw), Attr.ints("perm", 0, 3, 1, 2));
        c.define(node.name(), new OnnxValue(nchw, new long[] {nhwc[0], nhwc[3], nhwc[1], nhwc[2]}, true));
    }
}
