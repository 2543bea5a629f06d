package dev.ferry.demos.vectorization;

/** A full circle: centre {@code (cx, cy)}, radius {@code r}. */
public record Circle(double cx, double cy, double r, double confidence) implements Primitive {

    @Override
    public double length() {
        return 2 * Math.PI * r;
    }

    @Override
    public double[] pointAt(double fraction) {
        double a = 2 * Math.PI * fraction;
        return new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)};
    }

    @Override
    public double distanceTo(double x, double y) {
        return Math.abs(Math.hypot(x - cx, y - cy) - r);
    }

    @Override
    public Circle shifted(double dx, double dy) {
        return new Circle(cx + dx, cy + dy, r, confidence);
    }

    @Override
    public Circle rounded() {
        return new Circle(Primitive.round2(cx), Primitive.round2(cy), Primitive.round2(r), Primitive.round4(confidence));
    }
}
