package dev.ferry.demos.matching;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Optional;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.KeyPoint;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_features2d.SIFT;

/**
 * SIFT keypoints of an image, brought to at most {@value #WORK_SIDE} pixels a side first:
 * enough detail for a printed illustration or a photo of an object, and a bounded cost per
 * image. SIFT is free to use since its patent ran out (OpenCV 4.4 moved it to the main
 * modules). Descriptors stay float: OpenCV's matcher is several times faster on them than on bytes.
 * Not thread-safe: one extractor per thread.
 */
final class FeatureExtractor implements AutoCloseable {
    static final int WORK_SIDE = 512;
    /** The strongest points kept per image: more adds time to every pair, not matches. */
    static final int MAX_KEYPOINTS = 500;

    private final SIFT sift = SIFT.create(MAX_KEYPOINTS, 3, 0.04, 10, 1.6, CV_32F);

    /** @param mirrored also describe the horizontal mirror, for jobs that look for mirrored copies */
    ImageFeatures describe(Mat bgr, boolean mirrored) {
        double scale = Math.min(1.0, (double) WORK_SIDE / Math.max(bgr.cols(), bgr.rows()));
        try (Mat grey = grey(bgr, scale)) {
            KeypointSet plain = keypoints(grey);
            Optional<KeypointSet> flipped = Optional.empty();
            if (mirrored) {
                try (Mat mirror = new Mat()) {
                    opencv_core.flip(grey, mirror, 1);
                    flipped = Optional.of(keypoints(mirror));
                }
            }
            return new ImageFeatures(bgr.cols(), bgr.rows(), scale, plain, flipped);
        }
    }

    private static Mat grey(Mat bgr, double scale) {
        Mat grey = new Mat();
        cvtColor(bgr, grey, COLOR_BGR2GRAY);
        if (scale >= 1.0) {
            return grey;
        }
        Mat small = new Mat();
        try (grey; Size to = new Size(Math.max(1, (int) Math.round(bgr.cols() * scale)),
                Math.max(1, (int) Math.round(bgr.rows() * scale)))) {
            resize(grey, small, to, 0, 0, INTER_AREA);
        }
        return small;
    }

    private KeypointSet keypoints(Mat grey) {
        Mat descriptors = new Mat();
        try (KeyPointVector points = new KeyPointVector(); Mat noMask = new Mat()) {
            sift.detectAndCompute(grey, noMask, points, descriptors);
            float[] xy = new float[(int) points.size() * 2];
            for (int i = 0; i < points.size(); i++) {
                KeyPoint p = points.get(i);
                xy[2 * i] = p.pt().x();
                xy[2 * i + 1] = p.pt().y();
            }
            return new KeypointSet(xy, descriptors);
        }
    }

    @Override
    public void close() {
        sift.close();
    }
}
