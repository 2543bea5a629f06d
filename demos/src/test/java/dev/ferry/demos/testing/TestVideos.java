package dev.ferry.demos.testing;

import dev.ferry.demos.av.SyntheticVideo;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Videos made by tests, with content known per frame: frame i is a flat colour whose blue
 * level is {@link #blue(int)}, with a white square in the stored top-left corner (to see
 * which way a rotation turned it).
 */
public final class TestVideos {
    public static final int SQUARE = 8;

    private TestVideos() {}

    /** The blue level of frame {@code index}: steps of 10 per frame, so a neighbour is told apart. */
    public static int blue(int index) {
        return 20 + (index * 10) % 220;
    }

    public static Path counting(Path file, String container, int width, int height, int fps, int frames, int rotation)
            throws Exception {
        return SyntheticVideo.write(file, container, width, height, fps, frames, rotation, (i, bgr) -> {
            bgr.put(new Scalar(blue(i), 90, 160, 0));
            try (Mat corner = new Mat(bgr, new Rect(0, 0, SQUARE, SQUARE))) {
                corner.put(new Scalar(255, 255, 255, 0));
            }
        });
    }
}
