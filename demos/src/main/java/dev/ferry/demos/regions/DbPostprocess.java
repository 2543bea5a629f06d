package dev.ferry.demos.regions;

import dev.ferry.demos.detection.Box;
import dev.ferry.demos.detection.Quad;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The DB text detectors' post-processing, as PaddleOCR defines it: the probability map is
 * thresholded, each contour's minimum-area box is scored by the mean probability inside
 * it, kept boxes are grown back (DB predicts shrunk text kernels) by
 * area × unclip_ratio / perimeter on every side, and mapped to the page's pixels.
 *
 * @param binary      probability above which a pixel is text (PaddleOCR's thresh, 0.3)
 * @param boxScore    minimum mean probability of a box (box_thresh, 0.6)
 * @param unclipRatio growth of the kernel boxes (1.5)
 * @param minSize     boxes with a shorter side are noise (3 map pixels)
 */
record DbPostprocess(double binary, double boxScore, double unclipRatio, double minSize, int maxCandidates) {

    /** A text box on the page and its score. */
    record Scored(Box box, double score, Quad quad) {}

    /**
     * @param prob            the {@code mapHeight} × {@code mapWidth} probability map, row by row
     * @param pageWidth       the page's size, to which boxes are scaled back
     */
    List<Scored> boxes(float[] prob, int mapWidth, int mapHeight, int pageWidth, int pageHeight) {
        List<Scored> out = new ArrayList<>();
        try (PointerScope scope = new PointerScope()) {
            FloatPointer data = new FloatPointer(prob);
            Mat pred = new Mat(mapHeight, mapWidth, opencv_core.CV_32FC1, data);
            Mat bitmap = bitmap(prob, mapWidth, mapHeight);
            MatVector contours = new MatVector();
            opencv_imgproc.findContours(bitmap, contours, opencv_imgproc.RETR_LIST, opencv_imgproc.CHAIN_APPROX_SIMPLE);
            long n = Math.min(contours.size(), maxCandidates);
            for (long i = 0; i < n; i++) {
                RotatedRect r = opencv_imgproc.minAreaRect(contours.get(i));
                double w = r.size().width();
                double h = r.size().height();
                if (Math.min(w, h) < minSize) {
                    continue;
                }
                double cx = r.center().x();
                double cy = r.center().y();
                double angle = r.angle();
                double score = meanInside(pred, Quad.of(cx, cy, w, h, angle), mapWidth, mapHeight);
                if (score < boxScore) {
                    continue;
                }
                double grow = w * h * unclipRatio / (2 * (w + h));
                if (Math.min(w, h) + 2 * grow < minSize + 2) {
                    continue;
                }
                Quad grown = Quad.of(cx, cy, w + 2 * grow, h + 2 * grow, angle);
                out.add(new Scored(toPage(grown, mapWidth, mapHeight, pageWidth, pageHeight), score,
                        grown.scaled((double) pageWidth / mapWidth, (double) pageHeight / mapHeight)));
            }
        }
        out.sort((a, b) -> Double.compare(a.box().y1(), b.box().y1()) != 0
                ? Double.compare(a.box().y1(), b.box().y1()) : Double.compare(a.box().x1(), b.box().x1()));
        return out;
    }

    private Mat bitmap(float[] prob, int w, int h) {
        byte[] bits = new byte[w * h];
        float t = (float) binary;
        for (int i = 0; i < bits.length; i++) {
            bits[i] = prob[i] > t ? (byte) 255 : 0;
        }
        Mat m = new Mat(h, w, opencv_core.CV_8UC1);
        m.data().put(bits);
        return m;
    }

    /** PaddleOCR's box_score_fast: the mean probability over the box's polygon. */
    private static double meanInside(Mat pred, Quad q, int w, int h) {
        int xmin = clamp((int) Math.floor(q.minX()), w - 1);
        int xmax = clamp((int) Math.ceil(q.maxX()), w - 1);
        int ymin = clamp((int) Math.floor(q.minY()), h - 1);
        int ymax = clamp((int) Math.ceil(q.maxY()), h - 1);
        Mat mask = new Mat(ymax - ymin + 1, xmax - xmin + 1, opencv_core.CV_8UC1, Scalar.all(0));
        Point corners = new Point(4);
        for (int k = 0; k < 4; k++) {
            corners.position(k).x((int) (q.xs()[k] - xmin)).y((int) (q.ys()[k] - ymin));
        }
        opencv_imgproc.fillConvexPoly(mask, corners.position(0), 4, Scalar.all(1));
        Mat roi = new Mat(pred, new Rect(xmin, ymin, xmax - xmin + 1, ymax - ymin + 1));
        return opencv_core.mean(roi, mask).get(0);
    }

    private static Box toPage(Quad q, int mapW, int mapH, int pageW, int pageH) {
        return new Box(
                scale(q.minX(), mapW, pageW), scale(q.minY(), mapH, pageH),
                scale(q.maxX(), mapW, pageW), scale(q.maxY(), mapH, pageH));
    }

    private static double scale(double v, int from, int to) {
        return Math.max(0, Math.min(to, Math.round(v / from * to)));
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
