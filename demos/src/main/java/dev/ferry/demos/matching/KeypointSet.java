package dev.ferry.demos.matching;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The keypoints of one image (or of its mirror) and their SIFT descriptors, kept instead of
 * the image: 512 bytes a point (128 floats), at most {@link FeatureExtractor#MAX_KEYPOINTS} points.
 *
 * @param xy          x, y of each point in turn, in the working frame of {@link ImageFeatures}
 * @param descriptors one float row a point, in native memory: close the set when done
 */
record KeypointSet(float[] xy, Mat descriptors) implements AutoCloseable {

    int size() {
        return xy.length / 2;
    }

    long bytes() {
        return xy.length * 4L + descriptors.total() * descriptors.elemSize();
    }

    @Override
    public void close() {
        descriptors.close();
    }
}
