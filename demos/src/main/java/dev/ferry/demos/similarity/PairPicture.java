package dev.ferry.demos.similarity;

import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import dev.ferry.demos.matching.PointPair;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Two images side by side, as staged, with lines between their matched points. */
final class PairPicture {
    /** Enough lines to see the match, few enough to see the pictures. */
    static final int MAX_LINES = 80;

    private PairPicture() {}

    static byte[] draw(IndexedImage left, IndexedImage right, Pair pair) {
        try (Mat a = opencv_imgcodecs.imread(left.staged().toString());
             Mat b = opencv_imgcodecs.imread(right.staged().toString());
             Mat canvas = new Mat(Math.max(a.rows(), b.rows()), a.cols() + b.cols(), a.type(), new Scalar(255, 255, 255, 0))) {
            try (Mat at = new Mat(canvas, new Rect(0, 0, a.cols(), a.rows()));
                 Mat bt = new Mat(canvas, new Rect(a.cols(), 0, b.cols(), b.rows()))) {
                a.copyTo(at);
                b.copyTo(bt);
            }
            Scalar green = new Scalar(60, 200, 60, 0);
            int step = Math.max(1, pair.inliers().size() / MAX_LINES);
            for (int k = 0; k < pair.inliers().size(); k += step) {
                PointPair p = pair.inliers().get(k);
                Point from = new Point((int) Math.round(p.qx() * left.scale()), (int) Math.round(p.qy() * left.scale()));
                Point to = new Point(a.cols() + (int) Math.round(p.cx() * right.scale()),
                        (int) Math.round(p.cy() * right.scale()));
                line(canvas, from, to, green, 1, LINE_AA, 0);
                circle(canvas, from, 3, green, 1, LINE_AA, 0);
                circle(canvas, to, 3, green, 1, LINE_AA, 0);
            }
            return Jpeg.encode(canvas);
        }
    }
}
