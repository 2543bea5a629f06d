package dev.ferry.demos.clustering;

import java.util.List;

/**
 * A 2-D affine map {@code (x, y) ↦ (a·x + b·y + c, d·x + e·y + f)} in pixel coordinates (pixel
 * centres at whole numbers). An alignment maps a prototype's pixels to where they are sampled in
 * an item's image, so the aligned item is the image read at {@code A(p)} for every prototype pixel p.
 */
record Affine(double a, double b, double c, double d, double e, double f) {
    static final Affine IDENTITY = new Affine(1, 0, 0, 0, 1, 0);

    static Affine translation(double tx, double ty) {
        return new Affine(1, 0, tx, 0, 1, ty);
    }

    /** {@code p ↦ o + M (p − o) + t}: the linear part M acts about the point o. */
    static Affine about(double ox, double oy, double m00, double m01, double m10, double m11, double tx, double ty) {
        return new Affine(m00, m01, ox + tx - m00 * ox - m01 * oy, m10, m11, oy + ty - m10 * ox - m11 * oy);
    }

    /** Rotation by {@code theta} radians about (ox, oy). */
    static Affine rotation(double theta, double ox, double oy) {
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        return about(ox, oy, cos, -sin, sin, cos, 0, 0);
    }

    /** {@code this ∘ inner}: first {@code inner}, then this. */
    Affine compose(Affine inner) {
        return new Affine(
                a * inner.a + b * inner.d, a * inner.b + b * inner.e, a * inner.c + b * inner.f + c,
                d * inner.a + e * inner.d, d * inner.b + e * inner.e, d * inner.c + e * inner.f + f);
    }

    /** The inverse map; the matrix must not be singular. */
    Affine inverse() {
        double det = a * e - b * d;
        double ia = e / det;
        double ib = -b / det;
        double id = -d / det;
        double ie = a / det;
        return new Affine(ia, ib, -(ia * c + ib * f), id, ie, -(id * c + ie * f));
    }

    double x(double x, double y) {
        return a * x + b * y + c;
    }

    double y(double x, double y) {
        return d * x + e * y + f;
    }

    /** The matrix as {@code [[a, b, c], [d, e, f]]}, rounded for reports. */
    List<List<Double>> rows() {
        return List.of(List.of(round(a), round(b), round(c)), List.of(round(d), round(e), round(f)));
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}
