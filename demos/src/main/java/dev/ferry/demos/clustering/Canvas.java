package dev.ferry.demos.clustering;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * An image brought to the common square size: grayscale, scaled with its aspect kept and
 * centred (letterboxed), as "ink" — how far each pixel is from the background, which is the
 * median of the image's border, so dark drawings on paper and light ones on black read alike
 * — and scaled so the strongest ink is 1. Background is 0, which is what the ink's moments and
 * the zero padding of resampling assume.
 *
 * @param ink             {@code size × size}, row-major, 0 (background) to 1
 * @param lightBackground whether the image was dark on light (how prototypes are drawn back)
 */
record Canvas(float[] ink, boolean lightBackground) {

    static Canvas of(Mat bgr, int size) {
        try (Mat gray = new Mat(); Mat small = new Mat()) {
            if (bgr.channels() == 1) {
                bgr.copyTo(gray);
            } else {
                cvtColor(bgr, gray, COLOR_BGR2GRAY);
            }
            double scale = (double) size / Math.max(gray.cols(), gray.rows());
            int w = Math.max(1, Math.min(size, (int) Math.round(gray.cols() * scale)));
            int h = Math.max(1, Math.min(size, (int) Math.round(gray.rows() * scale)));
            try (Size to = new Size(w, h)) {
                resize(gray, small, to, 0, 0, INTER_AREA);
            }
            byte[] pixels = new byte[w * h];
            small.data().get(pixels);
            return fromGray(pixels, w, h, size);
        }
    }

    static Canvas fromGray(byte[] pixels, int w, int h, int size) {
        int background = borderMedian(pixels, w, h);
        boolean light = background >= 128;
        float range = light ? Math.max(background, 1) : Math.max(255 - background, 1);
        float[] ink = new float[size * size];
        int ox = (size - w) / 2;
        int oy = (size - h) / 2;
        float max = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = pixels[y * w + x] & 0xff;
                float v = Math.max(0, (light ? background - g : g - background) / range);
                ink[(y + oy) * size + x + ox] = v;
                max = Math.max(max, v);
            }
        }
        if (max > 0) {
            float scale = 1 / max;
            for (int i = 0; i < ink.length; i++) {
                ink[i] *= scale;
            }
        }
        return new Canvas(ink, light);
    }

    private static int borderMedian(byte[] pixels, int w, int h) {
        int[] border = new int[2 * w + 2 * h];
        int n = 0;
        for (int x = 0; x < w; x++) {
            border[n++] = pixels[x] & 0xff;
            border[n++] = pixels[(h - 1) * w + x] & 0xff;
        }
        for (int y = 0; y < h; y++) {
            border[n++] = pixels[y * w] & 0xff;
            border[n++] = pixels[y * w + w - 1] & 0xff;
        }
        Arrays.sort(border, 0, n);
        return border[n / 2];
    }
}
