package dev.ferry.demos.matching;

/**
 * One matched point, in pixels of each image as read (before any transposition).
 *
 * @param qx x in the query image
 * @param cx x in the candidate image
 */
public record PointPair(float qx, float qy, float cx, float cy) {

    /** The same match seen from the candidate. */
    public PointPair swapped() {
        return new PointPair(cx, cy, qx, qy);
    }
}
