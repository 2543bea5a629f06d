package dev.ferry.demos.clustering;

import dev.ferry.demos.media.ImageDecoder;
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
}
