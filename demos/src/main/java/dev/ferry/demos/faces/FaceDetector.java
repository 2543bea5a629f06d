package dev.ferry.demos.faces;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in a page. One instance serves one job at a time (OpenCV detectors are not thread-safe). */
public interface FaceDetector extends AutoCloseable {
    /** What the report names as the detector. */
    String name();

    /** @param bgr the page, BGR 8-bit; boxes come back in its pixels, inside it */
    List<FaceDetection> detect(Mat bgr);

    @Override
    void close();
}
