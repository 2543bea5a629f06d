package dev.ferry.demos.watermarks;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.createCLAHE;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_imgproc.CLAHE;

/**
 * Brings a photo of paper and a reference tracing to one look before they are compared: grey
 * (a watermark has no colour, the paper's tint is noise), then local contrast evened out by
 * CLAHE, so the faint lines of a watermark seen against the light come out like the dark lines
 * of a tracing; back to three channels, which the engines take. Queries and source images go
 * through the same steps. Not thread-safe.
 */
final class PaperContrast implements AutoCloseable {
    /** Changing the steps changes every source's features: the cache key carries this. */
    static final String VERSION = "grey-clahe2-8";
    private static final double CLIP_LIMIT = 2.0;
    private static final int TILES = 8;

    private final CLAHE clahe;

    PaperContrast() {
        try (Size tiles = new Size(TILES, TILES)) {
            clahe = createCLAHE(CLIP_LIMIT, tiles);
        }
    }

    /** A new 3-channel image; the caller closes it. */
    Mat apply(Mat bgr) {
        Mat out = new Mat();
        try (Mat grey = new Mat(); Mat even = new Mat()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            clahe.apply(grey, even);
            cvtColor(even, out, COLOR_GRAY2BGR);
        }
        return out;
    }

    @Override
    public void close() {
        clahe.close();
    }
}
