package dev.ferry.demos.matching;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.bytedeco.javacpp.FloatPointer;
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

    /** Saves the points and descriptors, for {@link #read}. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(size());
        for (float v : xy) {
            out.writeFloat(v);
        }
        int columns = size() == 0 ? 0 : descriptors.cols();
        out.writeInt(columns);
        float[] values = new float[size() * columns];
        if (values.length > 0) {
            try (Mat continuous = descriptors.clone(); FloatPointer floats = new FloatPointer(continuous.data())) {
                floats.get(values);
            }
        }
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    static KeypointSet read(DataInputStream in) throws IOException {
        int points = in.readInt();
        float[] xy = new float[points * 2];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = in.readFloat();
        }
        int columns = in.readInt();
        float[] values = new float[points * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        if (values.length == 0) {
            return new KeypointSet(xy, new Mat());
        }
        Mat descriptors = new Mat(points, columns, CV_32F);
        try (FloatPointer floats = new FloatPointer(descriptors.data())) {
            floats.put(values);
        }
        return new KeypointSet(xy, descriptors);
    }

    long bytes() {
        return xy.length * 4L + descriptors.total() * descriptors.elemSize();
    }

    @Override
    public void close() {
        descriptors.close();
    }
}
