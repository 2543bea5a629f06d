package dev.ferry.demos.media;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded page. Images stay in OpenCV {@link Mat}s (8-bit BGR) from decoding to the
 * output files: OpenCV decodes every format the demos take (WebP too, which ImageIO does
 * not), and resizing, contours and crops then run natively without copies. Close the page
 * to free its pixels at once rather than at the next garbage collection.
 *
 * @param name   unique within the job and safe as a file-name stem (outputs are named after it)
 * @param source where it came from, for people: the uploaded file's name, a URL, "book.pdf page 3"
 */
public record Page(String name, String source, Mat image) implements AutoCloseable {
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
