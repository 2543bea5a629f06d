package dev.ferry.demos.vectorization;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Ink from paper on scans whose paper is not evenly lit: each pixel is divided by the paper's
 * brightness around it (the brightest value within {@code block} pixels, which strokes thinner
 * than the block cannot reach, smoothed), so shading, stains and a dark gutter become flat
 * paper; the result is cut by Otsu's threshold, never above {@code 1 − minContrast} of the
 * paper (a blank page stays blank). Specks smaller than {@code minBlob} pixels are dropped and
 * pinholes of that size inside strokes filled, so noise neither adds strokes nor breaks them.
 */
final class Binarizer {
    /** The paper estimate is made at reduced size: a max filter over a large block is costly at full size. */
    private static final int PAPER_CELLS = 8;

    private Binarizer() {}

    /**
     * @param bgr 8-bit BGR image (a page or a crop of one)
     * @return 1 for ink, 0 for paper, row by row
     */
    static byte[] ink(Mat bgr, int block, double minContrast, int minBlob) {
        int w = bgr.cols();
        int h = bgr.rows();
        byte[] bits = new byte[w * h];
        try (PointerScope scope = new PointerScope()) {
            Mat gray = new Mat();
            opencv_imgproc.cvtColor(bgr, gray, opencv_imgproc.COLOR_BGR2GRAY);
            Mat flat = new Mat();
            opencv_core.divide(gray, paper(gray, block), flat, 255.0, opencv_core.CV_8U);
            Mat ink = new Mat();
            opencv_imgproc.threshold(flat, ink, 255 * (1 - minContrast), 1, opencv_imgproc.THRESH_BINARY_INV);
            if (minBlob > 1) {
                dropSmall(ink, minBlob);
                Mat paper = new Mat();
                opencv_imgproc.threshold(ink, paper, 0, 1, opencv_imgproc.THRESH_BINARY_INV);
                dropSmall(paper, minBlob);
                opencv_imgproc.threshold(paper, ink, 0, 1, opencv_imgproc.THRESH_BINARY_INV);
            }
            ink.data().get(bits);
        }
        return bits;
    }

    /** The paper's brightness at every pixel: a max filter over {@code block}, computed on a reduced image. */
    private static Mat paper(Mat gray, int block) {
        int w = gray.cols();
        int h = gray.rows();
        int cell = Math.max(1, block / PAPER_CELLS);
        Mat small = new Mat();
        opencv_imgproc.resize(gray, small, new Size(Math.max(1, w / cell), Math.max(1, h / cell)), 0, 0,
                opencv_imgproc.INTER_AREA);
        int k = Math.max(3, (block / cell) | 1);
        Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_RECT, new Size(k, k));
        Mat brightest = new Mat();
        opencv_imgproc.dilate(small, brightest, kernel);
        Mat smooth = new Mat();
        opencv_imgproc.blur(brightest, smooth, new Size(k, k));
        Mat paper = new Mat();
        opencv_imgproc.resize(smooth, paper, new Size(w, h), 0, 0, opencv_imgproc.INTER_LINEAR);
        return paper;
    }

    /**
     * Clears every 8-connected run of ones in {@code mask} (0/1) smaller than {@code minArea}
     * pixels. Only the small runs' bounding boxes are visited, so a page costs one labelling pass.
     */
    private static void dropSmall(Mat mask, int minArea) {
        Mat labelled = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int n = opencv_imgproc.connectedComponentsWithStats(mask, labelled, stats, centroids, 8, opencv_core.CV_32S);
        try (IntIndexer stat = stats.createIndexer(); IntIndexer label = labelled.createIndexer();
             UByteIndexer bit = mask.createIndexer()) {
            for (int c = 1; c < n; c++) {
                if (stat.get(c, opencv_imgproc.CC_STAT_AREA) >= minArea) {
                    continue;
                }
                int x0 = stat.get(c, opencv_imgproc.CC_STAT_LEFT);
                int y0 = stat.get(c, opencv_imgproc.CC_STAT_TOP);
                for (int y = y0; y < y0 + stat.get(c, opencv_imgproc.CC_STAT_HEIGHT); y++) {
                    for (int x = x0; x < x0 + stat.get(c, opencv_imgproc.CC_STAT_WIDTH); x++) {
                        if (label.get(y, x) == c) {
                            bit.put(y, x, 0);
                        }
                    }
                }
            }
        }
    }
}
