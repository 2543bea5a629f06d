package dev.ferry.demos.clustering;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A line chart of the loss per iteration (or of the merge distances), drawn with OpenCV:
 * its Hershey fonts are built in, so a worker needs no system fonts to draw it.
 */
final class LossPlot {
    static final int WIDTH = 720;
    static final int HEIGHT = 420;
    private static final int LEFT = 90;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private LossPlot() {}

    /** @param xLabel what the points are: {@code iteration} or {@code merge} */
    static byte[] png(List<Double> values, String title, String xLabel) {
        try (Scalar white = new Scalar(255, 255, 255, 0);
             Mat image = new Mat(HEIGHT, WIDTH, opencv_core.CV_8UC3, white);
             Scalar ink = new Scalar(40, 40, 40, 0);
             Scalar grid = new Scalar(225, 225, 225, 0);
             Scalar blue = new Scalar(180, 100, 30, 0)) {
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            double min = Math.min(0, values.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            if (max <= min) {
                max = min + 1;
            }
            int plotW = WIDTH - LEFT - RIGHT;
            int plotH = HEIGHT - TOP - BOTTOM;
            for (int t = 0; t <= 4; t++) {
                double v = min + (max - min) * t / 4;
                int y = TOP + plotH - (int) Math.round(plotH * (v - min) / (max - min));
                draw(image, LEFT, y, LEFT + plotW, y, grid, 1);
                text(image, format(v), 8, y + 4, 0.4, ink);
            }
            draw(image, LEFT, TOP, LEFT, TOP + plotH, ink, 1);
            draw(image, LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, ink, 1);
            int last = Math.max(1, values.size() - 1);
            int labelEvery = Math.max(1, (int) Math.ceil(values.size() / 10.0));
            Point previous = null;
            for (int i = 0; i < values.size(); i++) {
                int x = LEFT + (int) Math.round(plotW * (double) i / last);
                int y = TOP + plotH - (int) Math.round(plotH * (values.get(i) - min) / (max - min));
                if (i % labelEvery == 0 || i == values.size() - 1) {
                    text(image, Integer.toString(i), x - 4, TOP + plotH + 18, 0.4, ink);
                }
                Point p = new Point(x, y);
                if (previous != null) {
                    line(image, previous, p, blue, 2, LINE_AA, 0);
                    previous.close();
                }
                circle(image, p, 3, blue, -1, LINE_AA, 0);
                previous = p;
            }
            if (previous != null) {
                previous.close();
            }
            text(image, title, LEFT, 30, 0.55, ink);
            text(image, xLabel, LEFT + plotW / 2 - 30, HEIGHT - 18, 0.5, ink);
            return Pictures.png(image);
        }
    }

    private static String format(double v) {
        return Math.abs(v) >= 0.01 || v == 0 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.2e", v);
    }

    private static void draw(Mat image, int x0, int y0, int x1, int y1, Scalar colour, int thickness) {
        try (Point a = new Point(x0, y0); Point b = new Point(x1, y1)) {
            line(image, a, b, colour, thickness, LINE_AA, 0);
        }
    }

    private static void text(Mat image, String text, int x, int y, double scale, Scalar colour) {
        try (Point at = new Point(x, y)) {
            putText(image, text, at, FONT_HERSHEY_SIMPLEX, scale, colour, 1, LINE_AA, false);
        }
    }
}
