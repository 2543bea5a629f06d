package dev.ferry.demos.regions;

import dev.ferry.demos.detection.Quad;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A text line cut out of its page as PaddleOCR's get_rotate_crop_image cuts it: the line's
 * quadrilateral warped to an upright rectangle (so a skewed line reads level), and turned a
 * quarter when it is much taller than wide (a vertical line).
 */
final class LineCrops {
    /** PaddleOCR turns crops at least this much taller than wide. */
    private static final double VERTICAL = 1.5;

    private LineCrops() {}

    /** The line's pixels, BGR; the caller closes it. */
    static Mat crop(Mat page, Quad quad) {
        Quad q = quad.ordered();
        int width = Math.max(1, (int) Math.max(distance(q, 0, 1), distance(q, 2, 3)));
        int height = Math.max(1, (int) Math.max(distance(q, 0, 3), distance(q, 1, 2)));
        float[] from = new float[8];
        for (int i = 0; i < 4; i++) {
            from[2 * i] = (float) q.xs()[i];
            from[2 * i + 1] = (float) q.ys()[i];
        }
        float[] to = {0, 0, width, 0, width, height, 0, height};
        Mat out = new Mat();
        try (FloatPointer f = new FloatPointer(from); FloatPointer t = new FloatPointer(to);
             Mat src = new Mat(4, 2, opencv_core.CV_32F, f); Mat dst = new Mat(4, 2, opencv_core.CV_32F, t);
             Mat transform = opencv_imgproc.getPerspectiveTransform(src, dst);
             Size size = new Size(width, height); Scalar border = new Scalar()) {
            opencv_imgproc.warpPerspective(page, out, transform, size, opencv_imgproc.INTER_CUBIC,
                    opencv_core.BORDER_REPLICATE, border);
        }
        if ((double) height / width >= VERTICAL) {
            opencv_core.rotate(out, out, opencv_core.ROTATE_90_COUNTERCLOCKWISE);
        }
        return out;
    }

    private static double distance(Quad q, int a, int b) {
        return Math.hypot(q.xs()[a] - q.xs()[b], q.ys()[a] - q.ys()[b]);
    }
}
