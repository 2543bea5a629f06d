package dev.ferry.demos.sorting;

import dev.ferry.demos.detection.Box;
import java.util.Optional;

/**
 * One detection on one photo, placed in the arm's terms.
 *
 * @param photo    the base servo's pulse width the photo was taken at (its name)
 * @param features an item's unit feature vector; empty for a container
 */
record Sighting(int photo, Kind kind, double score, Box box, ArmPosition position, Optional<float[]> features) {
    /** The two labels the detector's contract must have. */
    enum Kind {
        ITEM, CONTAINER;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
