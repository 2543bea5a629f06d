package dev.ferry.demos.faces;

import java.util.List;

/**
 * The {@code blazeface} section of a BlazeFace model's {@code model.json}: its SSD anchors
 * and which outputs hold the scores and boxes, one per feature map in anchor order.
 *
 * @param strides        feature-map strides in input pixels: 8 and 16 for the 128 front model, 16 and 32 for the 256 back one
 * @param anchorsPerCell anchors at each cell of each feature map
 */
record BlazeFaceSpec(List<Integer> strides, List<Integer> anchorsPerCell, List<String> scores, List<String> boxes) {
    static final String SECTION = "blazeface";
}
