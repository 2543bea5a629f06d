package dev.ferry.demos.matching;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * What the local-features engine keeps of one image: its keypoints as read and, when a job
 * asks for mirrors, those of its horizontal mirror (SIFT is rotation- but not
 * mirror-invariant, so a mirrored copy needs descriptors of its own). Points are in the
 * working frame, the image scaled by {@code scale} so its longer side is at most
 * {@link FeatureExtractor#WORK_SIDE}.
 *
 * @param width  the image's width as read, in pixels
 * @param height the image's height as read
 */
record ImageFeatures(int width, int height, double scale, KeypointSet plain, Optional<KeypointSet> mirrored)
        implements AutoCloseable {

    int workWidth() {
        return (int) Math.round(width * scale);
    }

    int workHeight() {
        return (int) Math.round(height * scale);
    }

    /** Saves the size, scale and plain keypoints, for {@link #readPlain}; a mirror is not saved. */
    void writePlain(DataOutputStream out) throws IOException {
        out.writeInt(width);
        out.writeInt(height);
        out.writeDouble(scale);
        plain.write(out);
    }

    static ImageFeatures readPlain(DataInputStream in) throws IOException {
        int width = in.readInt();
        int height = in.readInt();
        double scale = in.readDouble();
        return new ImageFeatures(width, height, scale, KeypointSet.read(in), Optional.empty());
    }

    long bytes() {
        return plain.bytes() + mirrored.map(KeypointSet::bytes).orElse(0L);
    }

    @Override
    public void close() {
        plain.close();
        mirrored.ifPresent(KeypointSet::close);
    }
}
