package dev.ferry.demos.vectorization;

/** A straight segment from {@code (x1, y1)} to {@code (x2, y2)}. */
public record Line(double x1, double y1, double x2, double y2, double confidence) implements Primitive {

    @Override
    public double length() {
        return Math.hypot(x2 - x1, y2 - y1);
    }

    @Override
    public double[] pointAt(double fraction) {
        return new double[] {x1 + fraction * (x2 - x1), y1 + fraction * (y2 - y1)};
    }

    @Override
    public double distanceTo(double x, double y) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double squared = dx * dx + dy * dy;
        double t = squared == 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / squared));
        return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
    }

    @Override
    public Line shifted(double dx, double dy) {
        return new Line(x1 + dx, y1 + dy, x2 + dx, y2 + dy, confidence);
    }

    @Override
    public Line rounded() {
        return new Line(Primitive.round2(x1), Primitive.round2(y1), Primitive.round2(x2), Primitive.round2(y2),
                Primitive.round4(confidence));
    }
}
