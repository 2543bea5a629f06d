package dev.ferry.demos.clustering;

import java.nio.file.Path;

/**
 * One image to cluster, as read from the inputs.
 *
 * @param number    its page number among the job's inputs, from 1
 * @param name      the stem of its files ({@link dev.ferry.demos.media.PageStem})
 * @param features  tik: its {@link Canvas} ink; embedding: its unit-length feature vector
 * @param original  the image as read, staged as PNG until it is filed under its cluster
 * @param thumbnail a small PNG for clusters.html
 */
record Item(int number, String source, String name, float[] features, boolean lightBackground, Path original,
            byte[] thumbnail) {}
