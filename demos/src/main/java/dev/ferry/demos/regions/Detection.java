package dev.ferry.demos.regions;

/** A detector's answer for one region, in the page's pixels. */
public record Detection(int classId, String label, double score, Box box) {
    public Detection withBox(Box b) {
        return new Detection(classId, label, score, b);
    }
}
