package dev.ferry.demos.matching;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Engraving-like line drawings (long strokes, arcs, hatched patches, black on paper), one per
 * seed: pictures with the structure SIFT needs, for the similarity tests and benchmark. A blank
 * or smooth field gives too few keypoints to measure the local-features engine on.
 */
public final class LineDrawings {
    private LineDrawings() {}

    /** A line drawing of {@code side} pixels: long strokes, ellipses and hatched patches, black on paper. */
    public static Mat engraving(long seed, int side) {
        SplittableRandom random = new SplittableRandom(seed);
        Mat page = new Mat(side, side, CV_8UC3, new Scalar(235, 240, 245, 0));
        Scalar ink = new Scalar(30, 30, 40, 0);
        for (int i = 0; i < 14; i++) {
            line(page, point(random, side), point(random, side), ink, 1 + random.nextInt(3), LINE_AA, 0);
        }
        for (int i = 0; i < 8; i++) {
            int a = 8 + random.nextInt(side / 4);
            int b = 8 + random.nextInt(side / 4);
            ellipse(page, point(random, side), new Size(a, b), random.nextInt(180), 0, 90 + random.nextInt(270), ink,
                    1 + random.nextInt(2), LINE_AA, 0);
        }
        for (int i = 0; i < 5; i++) {
            hatch(page, random, side, ink);
        }
        return page;
    }

    private static void hatch(Mat page, SplittableRandom random, int side, Scalar ink) {
        int w = side / 8 + random.nextInt(side / 5);
        int h = side / 8 + random.nextInt(side / 5);
        int x = random.nextInt(side - w);
        int y = random.nextInt(side - h);
        int step = 3 + random.nextInt(4);
        boolean slanted = random.nextBoolean();
        for (int d = 0; d < w + h; d += step) {
            Point from = new Point(x + Math.min(d, w), y + Math.max(0, d - w));
            Point to = new Point(x + Math.max(0, d - h), y + Math.min(d, h));
            if (slanted) {
                from = new Point(x + w - Math.min(d, w), y + Math.max(0, d - w));
                to = new Point(x + w - Math.max(0, d - h), y + Math.min(d, h));
            }
            line(page, from, to, ink, 1, LINE_AA, 0);
        }
    }

    private static Point point(SplittableRandom random, int side) {
        return new Point(random.nextInt(side), random.nextInt(side));
    }
}
