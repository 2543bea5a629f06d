package dev.ferry.demos.clustering;

import java.util.Locale;

/** The family of transformations an item may undergo to match a prototype. */
enum Transformation {
    /** No alignment: plain k-means on the images. */
    IDENTITY(0),
    /** Shifts. */
    TRANSLATION(2),
    /** Shifts, rotations and uniform scale. */
    SIMILARITY(4),
    /** Any affine map without reflection: also stretch and shear. */
    AFFINE(6);

    /** Parameters the local refinement adjusts. */
    final int parameters;

    Transformation(int parameters) {
        this.parameters = parameters;
    }

    static Transformation of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    boolean rotates() {
        return this == SIMILARITY || this == AFFINE;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
