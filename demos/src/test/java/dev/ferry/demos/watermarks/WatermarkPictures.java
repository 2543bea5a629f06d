package dev.ferry.demos.watermarks;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_COMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.ferry.demos.matching.Transposition;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Watermark-like tracings with known copies: each a distinct figure (a shield or circle, a
 * cross, crossed lines, two letters, a few curls) in dark lines on paper-like texture; and
 * photos of paper that hold one of them turned or mirrored, smaller, fainter and noisy, as a
 * watermark looks against the light.
 */
public final class WatermarkPictures {
    static final int SIDE = 240;
    private static final String LETTERS = "ABCDEFGHKMNPRSTVWZ";

    private WatermarkPictures() {}

    /** Tracing {@code seed}: black lines on light paper, {@link #SIDE} pixels square. */
    public static Mat tracing(int seed) {
        SplittableRandom random = new SplittableRandom(seed * 7919L + 13);
        Mat page = paper(SIDE, SIDE, random, 232, 8);
        Scalar ink = new Scalar(40, 40, 40, 0);
        int c = SIDE / 2;
        if (random.nextBoolean()) {
            circle(page, new Point(c, c), 70 + random.nextInt(30), ink, 2, LINE_AA, 0);
        } else {
            rectangle(page, new Point(25 + random.nextInt(20), 20), new Point(SIDE - 25 - random.nextInt(20), SIDE - 40),
                    ink, 2, LINE_AA, 0);
            ellipse(page, new Point(c, SIDE - 40), new Size(c - 30, 25), 0, 0, 180, ink, 2, LINE_AA, 0);
        }
        String text = "" + LETTERS.charAt(random.nextInt(LETTERS.length())) + LETTERS.charAt(random.nextInt(LETTERS.length()));
        putText(page, text, new Point(c - 50 + random.nextInt(20), c + 25), random.nextBoolean() ? FONT_HERSHEY_COMPLEX
                : FONT_HERSHEY_SIMPLEX, 2.0 + random.nextDouble(), ink, 3, LINE_AA, false);
        for (int i = 0; i < 5; i++) {
            line(page, point(random), point(random), ink, 2, LINE_AA, 0);
        }
        for (int i = 0; i < 3; i++) {
            ellipse(page, point(random), new Size(10 + random.nextInt(30), 8 + random.nextInt(20)), random.nextInt(180), 0,
                    120 + random.nextInt(240), ink, 2, LINE_AA, 0);
        }
        int top = 15 + random.nextInt(20);
        line(page, new Point(c, 5), new Point(c, top + 30), ink, 2, LINE_AA, 0);
        line(page, new Point(c - 15, top), new Point(c + 15, top), ink, 2, LINE_AA, 0);
        return page;
    }

    /**
     * A {@code width} × {@code height} photo of paper holding tracing {@code seed} transposed by
     * {@code turn}, scaled by {@code scale}, its top-left corner at ({@code x}, {@code y}), its lines
     * at a third of their contrast, then noised.
     */
    public static Mat photo(int seed, Transposition turn, double scale, int width, int height, int x, int y) {
        SplittableRandom random = new SplittableRandom(seed * 31L + turn.ordinal());
        Mat photo = paper(width, height, random, 200, 10);
        try (Mat original = tracing(seed); Mat turned = turn.apply(original); Mat small = new Mat();
             Size to = new Size((int) Math.round(turned.cols() * scale), (int) Math.round(turned.rows() * scale))) {
            resize(turned, small, to);
            try (Mat region = new Mat(photo, new Rect(x, y, small.cols(), small.rows())); Mat faint = new Mat()) {
                // lines a third as dark as traced, on this paper: 232 - (232 - v) / 3, shifted to the paper's 200
                small.convertTo(faint, -1, 1 / 3.0, 200 - 232 / 3.0);
                opencv_core.min(region, faint, region);
            }
        }
        noise(photo, random, 6);
        return photo;
    }

    /** Paper: a {@code level} grey with a grain of {@code grain} and a faint mottling. */
    private static Mat paper(int width, int height, SplittableRandom random, int level, double grain) {
        Mat page = new Mat(height, width, CV_8UC3, Scalar.all(level));
        try (Mat blotches = new Mat(); Mat coarse = new Mat(Math.max(2, height / 40), Math.max(2, width / 40), CV_8UC3)) {
            byte[] values = new byte[coarse.rows() * coarse.cols() * 3];
            for (int i = 0; i < values.length; i += 3) {
                values[i] = values[i + 1] = values[i + 2] = (byte) (120 + random.nextInt(16));
            }
            coarse.data().put(values);
            resize(coarse, blotches, new Size(width, height));
            opencv_core.addWeighted(page, 1.0, blotches, 1.0, -127, page);
        }
        noise(page, random, grain);
        return page;
    }

    /** Seeded grain, the same on every run whatever ran before (OpenCV's generator is shared). */
    private static void noise(Mat image, SplittableRandom random, double deviation) {
        byte[] pixels = new byte[(int) (image.total() * image.channels())];
        image.data().get(pixels);
        for (int i = 0; i < pixels.length; i++) {
            double gauss = random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5;
            int v = (pixels[i] & 0xff) + (int) Math.round(gauss * 2 * deviation);
            pixels[i] = (byte) Math.max(0, Math.min(255, v));
        }
        image.data().put(pixels);
    }

    private static Point point(SplittableRandom random) {
        return new Point(20 + random.nextInt(SIDE - 40), 20 + random.nextInt(SIDE - 40));
    }
}
