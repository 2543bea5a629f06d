package dev.ferry.demos.inference.tfjs;

/**
 * A tensor of the ONNX graph being written. Images run channels-first inside the graph (ONNX
 * convolutions want NCHW), so a TF.js image value {@code [N,H,W,C]} is held as {@code [N,C,H,W]}.
 *
 * @param dims          in the ONNX graph's order; -1 where the size is open (the batch)
 * @param channelsFirst whether this is a TF.js NHWC image held as NCHW
 */
record OnnxValue(String name, long[] dims, boolean channelsFirst) {
    int rank() {
        return dims.length;
    }
}
