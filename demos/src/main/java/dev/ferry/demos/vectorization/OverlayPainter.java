package dev.ferry.demos.vectorization;

import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The page faded to a pale background with what was found drawn over it in colour — lines
 * red, circles green, arcs blue — and the regions that were vectorized outlined: a picture to
 * check the result against the drawing at a glance. The background is smoothed and reduced to
 * a few grey levels, which keeps the page's strokes readable and the scan's grain out of the
 * PNG: it encodes several times faster and smaller.
 */
final class OverlayPainter {
    /** Drawing coordinates in 1/16 px, so sub-pixel positions are kept. */
    private static final int SHIFT = 4;
    private static final double ONE = 1 << SHIFT;
    private static final Scalar LINE = new Scalar(40, 40, 230, 0);
    private static final Scalar CIRCLE = new Scalar(40, 170, 40, 0);
    private static final Scalar ARC = new Scalar(220, 110, 20, 0);
    private static final Scalar REGION = new Scalar(160, 160, 160, 0);

    /** A pixel value faded towards white and cut to 16 levels. */
    private static final Mat FADE = fade();

    private OverlayPainter() {}

    private static Mat fade() {
        byte[] table = new byte[256];
        for (int v = 0; v < 256; v++) {
            table[v] = (byte) (((int) Math.round(0.35 * v + 0.65 * 255)) & 0xF0);
        }
        Mat lut = new Mat(1, 256, opencv_core.CV_8UC1);
        lut.data().put(table);
        return lut;
    }

    /** @param page 8-bit BGR; not changed */
    static Mat paint(Mat page, List<Primitive> primitives, List<CropBox> regions) {
        Mat out = new Mat();
        try (PointerScope scope = new PointerScope()) {
            Mat smooth = new Mat();
            opencv_imgproc.blur(page, smooth, new Size(3, 3));
            opencv_core.LUT(smooth, FADE, out);
            int thickness = Math.max(1, Math.max(page.cols(), page.rows()) / 800);
            for (CropBox r : regions) {
                opencv_imgproc.rectangle(out, new Rect(r.x(), r.y(), r.width(), r.height()), REGION, thickness,
                        opencv_imgproc.LINE_8, 0);
            }
            for (Primitive p : primitives) {
                if (p instanceof Line l) {
                    opencv_imgproc.line(out, point(l.x1(), l.y1()), point(l.x2(), l.y2()), LINE, thickness + 1,
                            opencv_imgproc.LINE_AA, SHIFT);
                } else if (p instanceof Circle c) {
                    opencv_imgproc.circle(out, point(c.cx(), c.cy()), (int) Math.round(c.r() * ONE), CIRCLE,
                            thickness + 1, opencv_imgproc.LINE_AA, SHIFT);
                } else if (p instanceof Arc a) {
                    int r = (int) Math.round(a.r() * ONE);
                    // OpenCV's angles, like the arc's, turn clockwise on the image
                    opencv_imgproc.ellipse(out, point(a.cx(), a.cy()), new Size(r, r), 0, a.startAngle(), a.endAngle(),
                            ARC, thickness + 1, opencv_imgproc.LINE_AA, SHIFT);
                }
            }
        }
        return out;
    }

    /** OpenCV draws pixel (i, j) centred on (i, j); a primitive's coordinates put its centre at (i + ½, j + ½). */
    private static Point point(double x, double y) {
        return new Point((int) Math.round((x - 0.5) * ONE), (int) Math.round((y - 0.5) * ONE));
    }
}
