package dev.ferry.demos.similarity;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** JPEG bytes of an image: staged copies and pictures of pairs are photos and scans, JPEG's kind of picture. */
final class Jpeg {
    private Jpeg() {}

    static byte[] encode(Mat image) {
        try (BytePointer out = new BytePointer()) {
            if (!opencv_imgcodecs.imencode(".jpg", image, out)) {
                throw new IllegalStateException("OpenCV could not encode a JPEG");
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
