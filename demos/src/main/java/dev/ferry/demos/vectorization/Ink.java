package dev.ferry.demos.vectorization;

/**
 * The binarised page, asked whether a stroke runs along a given path: a path is sampled every
 * pixel, and a sample counts as inked when there is ink within one pixel of it (a fitted
 * centre line may sit half a pixel off a thin stroke's pixels). Used to bridge the gaps that
 * junctions leave between the pieces of one stroke, to find where a stroke really ends, and
 * as the confidence of what the OpenCV engine finds: the share of its length drawn in ink.
 */
final class Ink {
    private final byte[] bits;
    private final int width;
    private final int height;

    Ink(byte[] bits, int width, int height) {
        this.bits = bits;
        this.width = width;
        this.height = height;
    }

    boolean near(double x, double y) {
        int cx = (int) Math.floor(x);
        int cy = (int) Math.floor(y);
        for (int j = Math.max(0, cy - 1); j <= Math.min(height - 1, cy + 1); j++) {
            for (int i = Math.max(0, cx - 1); i <= Math.min(width - 1, cx + 1); i++) {
                if (bits[j * width + i] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The share of the segment's samples that are inked; 1 for a segment shorter than a pixel. */
    double alongLine(double x1, double y1, double x2, double y2) {
        double length = Math.hypot(x2 - x1, y2 - y1);
        int samples = (int) Math.ceil(length);
        if (samples < 1) {
            return 1;
        }
        int inked = 0;
        for (int s = 0; s <= samples; s++) {
            double t = (double) s / samples;
            if (near(x1 + t * (x2 - x1), y1 + t * (y2 - y1))) {
                inked++;
            }
        }
        return (double) inked / (samples + 1);
    }

    /** The share of inked samples along the arc from {@code from} to {@code to} (radians, to ≥ from). */
    double alongArc(double cx, double cy, double r, double from, double to) {
        int samples = (int) Math.ceil(r * (to - from));
        if (samples < 1) {
            return 1;
        }
        int inked = 0;
        for (int s = 0; s <= samples; s++) {
            double a = from + (to - from) * s / samples;
            if (near(cx + r * Math.cos(a), cy + r * Math.sin(a))) {
                inked++;
            }
        }
        return (double) inked / (samples + 1);
    }

    /**
     * How far a stroke goes on in ink past a point, up to {@code max} pixels: the distance,
     * in whole pixels, walked from {@code (x, y)} along {@code (dx, dy)} (a unit vector) while inked.
     */
    int inkedRun(double x, double y, double dx, double dy, int max) {
        int run = 0;
        while (run < max && near(x + (run + 1) * dx, y + (run + 1) * dy)) {
            run++;
        }
        return run;
    }

    /** Like {@link #inkedRun} along a circle: the angle (radians) walked from {@code angle} in {@code direction} (±1). */
    double inkedArcRun(double cx, double cy, double r, double angle, int direction, int maxPixels) {
        double step = 1 / r;
        int run = 0;
        while (run < maxPixels) {
            double a = angle + direction * (run + 1) * step;
            if (!near(cx + r * Math.cos(a), cy + r * Math.sin(a))) {
                break;
            }
            run++;
        }
        return run * step;
    }
}
