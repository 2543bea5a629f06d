package dev.ferry.demos.watermarks;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What one photo gives: the detector's watermark boxes when it ran, and the queries cut from
 * the photo, normalised, to be matched.
 *
 * @param detected whether a detector ran on the photo
 * @param boxes    the watermark boxes found, relative {@code [x0, y0, x1, y1]}, best first
 * @param scores   their scores, in the same order
 */
record PhotoQueries(boolean detected, List<double[]> boxes, List<Double> scores, List<Query> queries)
        implements AutoCloseable {

    /**
     * One query: the relative box cut and the cut-out, normalised.
     *
     * @param image 3-channel, as matched; close it when done
     */
    record Query(double[] box, Mat image) {}

    @Override
    public void close() {
        queries.forEach(q -> q.image().close());
    }
}
