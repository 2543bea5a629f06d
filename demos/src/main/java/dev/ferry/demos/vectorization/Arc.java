package dev.ferry.demos.vectorization;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A circular arc: centre {@code (cx, cy)}, radius {@code r}, drawn from {@code startAngle}
 * to {@code endAngle} in degrees, angles growing clockwise on the page (the image's y axis
 * points down), so the point at angle θ is {@code (cx + r cos θ, cy + r sin θ)}.
 * {@code 0 <= startAngle < 360} and {@code startAngle < endAngle < startAngle + 360}.
 * The end points are given too, for readers that want them without trigonometry.
 */
public record Arc(double cx, double cy, double r, double startAngle, double endAngle, double confidence)
        implements Primitive {

    public Arc {
        if (startAngle < 0 || startAngle >= 360) {
            double turns = Math.floor(startAngle / 360) * 360;
            startAngle -= turns;
            endAngle -= turns;
        }
    }

    /** The angle the arc covers, in degrees. */
    public double sweep() {
        return endAngle - startAngle;
    }

    public double x1() {
        return cx + r * Math.cos(Math.toRadians(startAngle));
    }

    public double y1() {
        return cy + r * Math.sin(Math.toRadians(startAngle));
    }

    public double x2() {
        return cx + r * Math.cos(Math.toRadians(endAngle));
    }

    public double y2() {
        return cy + r * Math.sin(Math.toRadians(endAngle));
    }

    @JsonProperty("x1")
    private double jsonX1() {
        return Primitive.round2(x1());
    }

    @JsonProperty("y1")
    private double jsonY1() {
        return Primitive.round2(y1());
    }

    @JsonProperty("x2")
    private double jsonX2() {
        return Primitive.round2(x2());
    }

    @JsonProperty("y2")
    private double jsonY2() {
        return Primitive.round2(y2());
    }

    /** The point halfway along the arc. */
    public double[] middle() {
        return pointAt(0.5);
    }

    @Override
    public double length() {
        return r * Math.toRadians(sweep());
    }

    @Override
    public double[] pointAt(double fraction) {
        double a = Math.toRadians(startAngle + fraction * sweep());
        return new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)};
    }

    /** The arc through three points, from {@code a} through {@code b} to {@code c}; empty when they are collinear. */
    public static java.util.Optional<Arc> through(double ax, double ay, double bx, double by, double cx, double cy,
                                                  double confidence) {
        double d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
        if (Math.abs(d) < 1e-9) {
            return java.util.Optional.empty();
        }
        double a2 = ax * ax + ay * ay;
        double b2 = bx * bx + by * by;
        double c2 = cx * cx + cy * cy;
        double ox = (a2 * (by - cy) + b2 * (cy - ay) + c2 * (ay - by)) / d;
        double oy = (a2 * (cx - bx) + b2 * (ax - cx) + c2 * (bx - ax)) / d;
        double r = Math.hypot(ax - ox, ay - oy);
        double ta = Math.toDegrees(Math.atan2(ay - oy, ax - ox));
        double tb = Math.toDegrees(Math.atan2(by - oy, bx - ox));
        double tc = Math.toDegrees(Math.atan2(cy - oy, cx - ox));
        double toB = positive(tb - ta);
        double toC = positive(tc - ta);
        // clockwise (growing angles) from a reaches b before c, or else the arc runs the other way round
        return java.util.Optional.of(toB <= toC
                ? new Arc(ox, oy, r, ta, ta + toC, confidence)
                : new Arc(ox, oy, r, tc, tc + positive(ta - tc), confidence));
    }

    private static double positive(double degrees) {
        return ((degrees % 360) + 360) % 360;
    }

    @Override
    public double distanceTo(double x, double y) {
        double angle = Math.toDegrees(Math.atan2(y - cy, x - cx));
        if (positive(angle - startAngle) <= sweep()) {
            return Math.abs(Math.hypot(x - cx, y - cy) - r);
        }
        return Math.min(Math.hypot(x - x1(), y - y1()), Math.hypot(x - x2(), y - y2()));
    }

    @Override
    public Arc shifted(double dx, double dy) {
        return new Arc(cx + dx, cy + dy, r, startAngle, endAngle, confidence);
    }

    @Override
    public Arc rounded() {
        double start = Primitive.round2(startAngle);
        return new Arc(Primitive.round2(cx), Primitive.round2(cy), Primitive.round2(r), start,
                Primitive.round2(start + sweep()), Primitive.round4(confidence));
    }
}
