package dev.ferry.demos.faces;

import java.util.ArrayList;
import java.util.List;

/**
 * The anchor centres of MediaPipe's SSD face detectors ({@code SsdAnchorsCalculator} with
 * fixed anchor size and offset 0.5): one feature map per stride, cells row by row, and
 * {@code anchorsPerCell} anchors at each cell's centre, in the order the model's outputs use.
 */
final class SsdAnchors {
    private SsdAnchors() {}

    /** The centres in input pixels, {@code [i] = {x, y}}. */
    static List<double[]> centres(int inputSize, List<Integer> strides, List<Integer> anchorsPerCell) {
        if (strides.size() != anchorsPerCell.size()) {
            throw new IllegalArgumentException("one anchor count per stride is needed, got " + strides + " and " + anchorsPerCell);
        }
        List<double[]> out = new ArrayList<>();
        for (int layer = 0; layer < strides.size(); layer++) {
            int stride = strides.get(layer);
            int cells = (inputSize + stride - 1) / stride;
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < anchorsPerCell.get(layer); a++) {
                        out.add(new double[] {(x + 0.5) * stride, (y + 0.5) * stride});
                    }
                }
            }
        }
        return out;
    }
}
