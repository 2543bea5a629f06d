package dev.ferry.demos.vectorization;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One drawn shape found on a page, in the page's pixels: x to the right, y down, the origin
 * at the top-left corner of the top-left pixel (so pixel {@code (i, j)} spans
 * {@code [i, i+1) × [j, j+1)}, as in SVG). Every primitive carries a confidence in [0, 1].
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Line.class, name = "line"),
        @JsonSubTypes.Type(value = Circle.class, name = "circle"),
        @JsonSubTypes.Type(value = Arc.class, name = "arc")})
public sealed interface Primitive permits Line, Circle, Arc {
    double confidence();

    /** The length of the stroke, in pixels. */
    double length();

    /** The point {@code fraction} (0 to 1) of the way along the stroke. */
    double[] pointAt(double fraction);

    /** The distance from a point to the nearest point of the shape, in pixels. */
    double distanceTo(double x, double y);

    /** The same shape moved by {@code (dx, dy)}: from a crop's pixels to the page's. */
    Primitive shifted(double dx, double dy);

    /** The same shape with coordinates rounded to 1/100 px and confidence to 1/10 000, for output files. */
    Primitive rounded();

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
