package dev.ferry.demos.clustering;

import dev.ferry.demos.media.ImageDecoder;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** {@link ShapeSet} samples through the demo's own path: PNG bytes, decoded by OpenCV, brought to a {@link Canvas}. */
final class Shapes {
    private static final ImageDecoder DECODER = new ImageDecoder(100_000_000);

    private Shapes() {}

    static float[] ink(ShapeSet.Sample sample, int size) {
        try (Mat bgr = DECODER.decode(ShapeSet.png(sample.image()))) {
            return Canvas.of(bgr, size).ink();
        }
    }

    /** Share of items in their cluster's most common class. */
    static double purity(List<ShapeSet.Sample> samples, int[] clusters, int k) {
        int classes = samples.stream().mapToInt(ShapeSet.Sample::shapeClass).max().orElse(0) + 1;
        int[][] counts = new int[k][classes];
        for (int i = 0; i < samples.size(); i++) {
            counts[clusters[i]][samples.get(i).shapeClass()]++;
        }
        int pure = 0;
        for (int[] row : counts) {
            int max = 0;
            for (int v : row) {
                max = Math.max(max, v);
            }
            pure += max;
        }
        return (double) pure / samples.size();
    }
}
