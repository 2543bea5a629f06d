package dev.ferry.demos.media;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded page: its pixels and where they came from. Pixels live in native memory:
 * close the page when done with it (try-with-resources), so only the page being worked
 * on is held.
 *
 * @param source readable origin, e.g. {@code photo.jpg}, {@code scans.zip!/p1.png},
 *               {@code report.pdf#page=3}, or a URL
 * @param image  BGR, 8 bits per channel, 3 channels
 */
public record Page(String source, Mat image) implements AutoCloseable {

    public int width() {
        return image.cols();
    }

    public int height() {
        return image.rows();
    }

    @Override
    public void close() {
        image.close();
    }
}
