package dev.ferry.demos.inference.tfjs;

import java.io.IOException;

/** Converts one TensorFlow operation to ONNX nodes; one implementation per operation. */
interface TfOp {
    void convert(TfNode node, Conversion conversion) throws IOException;
}
