package dev.ferry.demos.vectorization;

import java.util.Optional;

/**
 * The circle closest to a set of points: an algebraic fit (Kåsa's, on centred coordinates)
 * refined by a few Gauss–Newton steps on the geometric distance, which removes the algebraic
 * fit's bias on short arcs. With the points in stroke order it also says how far round the
 * circle they go.
 *
 * @param maxError the largest distance of a point from the circle
 * @param start    the angle of the first point, in radians (image axes: clockwise on the page)
 * @param sweep    the signed angle from the first point to the last one following the points,
 *                 in radians; about ±2π for a closed stroke
 */
record CircleFit(double cx, double cy, double r, double maxError, double start, double sweep) {
    private static final int REFINE_STEPS = 6;

    /** Empty when the points are (nearly) collinear. */
    static Optional<CircleFit> of(Points p) {
        int n = p.size();
        if (n < 3) {
            return Optional.empty();
        }
        double mx = p.meanX();
        double my = p.meanY();
        double suu = 0;
        double svv = 0;
        double suv = 0;
        double suuu = 0;
        double svvv = 0;
        double suvv = 0;
        double svuu = 0;
        for (int i = 0; i < n; i++) {
            double u = p.x(i) - mx;
            double v = p.y(i) - my;
            suu += u * u;
            svv += v * v;
            suv += u * v;
            suuu += u * u * u;
            svvv += v * v * v;
            suvv += u * v * v;
            svuu += v * u * u;
        }
        double det = suu * svv - suv * suv;
        if (Math.abs(det) < 1e-9 * (suu + svv) * (suu + svv) || !(Math.abs(det) > 0)) {
            return Optional.empty();
        }
        double bu = (suuu + suvv) / 2;
        double bv = (svvv + svuu) / 2;
        double a = (bu * svv - bv * suv) / det;
        double b = (bv * suu - bu * suv) / det;
        double cx = a + mx;
        double cy = b + my;
        double r = Math.sqrt(a * a + b * b + (suu + svv) / n);
        double[] refined = refine(p, cx, cy, r);
        if (!Double.isFinite(refined[2]) || refined[2] <= 0) {
            return Optional.empty();
        }
        return Optional.of(describe(p, refined[0], refined[1], refined[2]));
    }

    /** The fit's measures for a given circle. */
    static CircleFit describe(Points p, double cx, double cy, double r) {
        double maxError = 0;
        double start = Math.atan2(p.y(0) - cy, p.x(0) - cx);
        double previous = start;
        double sweep = 0;
        for (int i = 0; i < p.size(); i++) {
            double dx = p.x(i) - cx;
            double dy = p.y(i) - cy;
            maxError = Math.max(maxError, Math.abs(Math.hypot(dx, dy) - r));
            double angle = Math.atan2(dy, dx);
            sweep += wrap(angle - previous);
            previous = angle;
        }
        return new CircleFit(cx, cy, r, maxError, start, sweep);
    }

    /** The largest distance from this circle of any of {@code p}. */
    double maxDistance(Points p) {
        double max = 0;
        for (int i = 0; i < p.size(); i++) {
            max = Math.max(max, Math.abs(Math.hypot(p.x(i) - cx, p.y(i) - cy) - r));
        }
        return max;
    }

    /** An angle brought into (−π, π]. */
    static double wrap(double radians) {
        double a = radians % (2 * Math.PI);
        if (a > Math.PI) {
            a -= 2 * Math.PI;
        } else if (a <= -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }

    private static double[] refine(Points p, double cx, double cy, double r) {
        for (int step = 0; step < REFINE_STEPS; step++) {
            // normal equations of the residuals d_i - r with respect to (cx, cy, r)
            double[][] jtj = new double[3][3];
            double[] jtr = new double[3];
            for (int i = 0; i < p.size(); i++) {
                double dx = p.x(i) - cx;
                double dy = p.y(i) - cy;
                double d = Math.hypot(dx, dy);
                if (d < 1e-9) {
                    continue;
                }
                double[] j = {-dx / d, -dy / d, -1};
                double res = d - r;
                for (int a = 0; a < 3; a++) {
                    jtr[a] += j[a] * res;
                    for (int b = 0; b < 3; b++) {
                        jtj[a][b] += j[a] * j[b];
                    }
                }
            }
            double[] delta = solve3(jtj, jtr);
            if (delta == null) {
                break;
            }
            cx -= delta[0];
            cy -= delta[1];
            r -= delta[2];
            if (Math.abs(delta[0]) + Math.abs(delta[1]) + Math.abs(delta[2]) < 1e-4) {
                break;
            }
        }
        return new double[] {cx, cy, r};
    }

    /** Cramer's rule; null when the system is singular. */
    private static double[] solve3(double[][] m, double[] v) {
        double det = det3(m[0][0], m[0][1], m[0][2], m[1][0], m[1][1], m[1][2], m[2][0], m[2][1], m[2][2]);
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        return new double[] {
                det3(v[0], m[0][1], m[0][2], v[1], m[1][1], m[1][2], v[2], m[2][1], m[2][2]) / det,
                det3(m[0][0], v[0], m[0][2], m[1][0], v[1], m[1][2], m[2][0], v[2], m[2][2]) / det,
                det3(m[0][0], m[0][1], v[0], m[1][0], m[1][1], v[1], m[2][0], m[2][1], v[2]) / det};
    }

    private static double det3(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }
}
