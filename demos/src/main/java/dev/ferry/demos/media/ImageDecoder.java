package dev.ferry.demos.media;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import dev.ferry.core.error.ErrorCode;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes image bytes with OpenCV, after the checks a decoder does not make: the format
 * is recognised from the bytes, the pixel count in the header is within
 * {@code FERRY_MAX_PIXELS}, and the data is not cut short. One decoder for all five
 * formats, the same library the demos compute with, so a page never changes hands
 * between two image libraries.
 */
public final class ImageDecoder {
    private final long maxPixels;

    public ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /** Checks the header only; cheap, for callers that want to refuse before reading more. */
    public ImageProbe probe(byte[] bytes) {
        ImageProbe probe = ImageProbe.read(bytes);
        if (probe.pixels() > maxPixels) {
            throw new MediaException(ErrorCode.TOO_MANY_PIXELS, probe.format() + " header declares " + probe.width() + " × "
                    + probe.height() + " = " + probe.pixels() + " pixels, more than the limit of " + maxPixels
                    + " (FERRY_MAX_PIXELS)");
        }
        return probe;
    }

    /** A BGR image (8 bits, 3 channels); the caller closes it. */
    public Mat decode(byte[] bytes) {
        ImageProbe probe = probe(bytes);
        ImageEnds.check(probe.format(), bytes);
        Mat image;
        try (BytePointer data = new BytePointer(bytes); Mat buffer = new Mat(1, bytes.length, CV_8UC1, data)) {
            image = imdecode(buffer, IMREAD_COLOR);
        }
        if (image == null || image.empty()) {
            if (image != null) {
                image.close();
            }
            throw new MediaException(ErrorCode.UNDECODABLE, probe.format() + " image could not be decoded: its data is damaged");
        }
        // EXIF orientation is applied, so a rotated JPEG legitimately swaps its sides.
        boolean asDeclared = image.cols() == probe.width() && image.rows() == probe.height();
        boolean rotated = image.cols() == probe.height() && image.rows() == probe.width();
        if (!asDeclared && !rotated) {
            int w = image.cols();
            int h = image.rows();
            image.close();
            throw new MediaException(ErrorCode.UNDECODABLE, probe.format() + " header says " + probe.width() + " × "
                    + probe.height() + " but the data decodes to " + w + " × " + h);
        }
        return image;
    }
}
