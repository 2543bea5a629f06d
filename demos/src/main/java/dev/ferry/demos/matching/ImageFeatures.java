package dev.ferry.demos.matching;

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

    long bytes() {
        return plain.bytes() + mirrored.map(KeypointSet::bytes).orElse(0L);
    }

    @Override
    public void close() {
        plain.close();
        mirrored.ifPresent(KeypointSet::close);
    }
}
