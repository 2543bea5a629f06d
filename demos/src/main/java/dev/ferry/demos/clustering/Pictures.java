package dev.ferry.demos.clustering;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** PNG bytes of pages, of pages scaled down, and of ink images drawn back as gray pictures. */
final class Pictures {
    private Pictures() {}

    static byte[] png(Mat image) {
        try (BytePointer out = new BytePointer()) {
            if (!opencv_imgcodecs.imencode(".png", image, out)) {
                throw new IllegalStateException("OpenCV could not encode a PNG");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /** The image as PNG, scaled down (never up) so its longer side is at most {@code maxSide}. */
    static byte[] png(Mat image, int maxSide) {
        int longer = Math.max(image.cols(), image.rows());
        if (longer <= maxSide) {
            return png(image);
        }
        double scale = (double) maxSide / longer;
        try (Mat small = new Mat();
             Size to = new Size(Math.max(1, (int) Math.round(image.cols() * scale)),
                     Math.max(1, (int) Math.round(image.rows() * scale)))) {
            resize(image, small, to, 0, 0, INTER_AREA);
            return png(small);
        }
    }

    /** Ink (0 background, 1 full) as an 8-bit gray PNG: dark on white when the inputs were, else light on black. */
    static byte[] ink(float[] ink, int size, boolean lightBackground) {
        byte[] gray = new byte[size * size];
        for (int i = 0; i < gray.length; i++) {
            float v = Math.max(0, Math.min(1, ink[i]));
            int g = Math.round(255 * (lightBackground ? 1 - v : v));
            gray[i] = (byte) g;
        }
        try (Mat mat = new Mat(size, size, CV_8UC1)) {
            mat.data().put(gray);
            return png(mat);
        }
    }
}
