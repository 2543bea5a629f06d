package dev.ferry.demos.detection;

/**
 * A detector's answer for one region, in the page's pixels.
 *
 * @param quad the region's corners where it is a rotated rectangle (a skewed text line); else the box's
 */
public record Detection(int classId, String label, double score, Box box, Quad quad) {
    public Detection(int classId, String label, double score, Box box) {
        this(classId, label, score, box, Quad.of(box));
    }

    public Detection withBox(Box b) {
        return new Detection(classId, label, score, b);
    }
}
