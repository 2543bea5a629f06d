package dev.ferry.demos.vectorization;

/**
 * The straight line closest to a set of points (total least squares: through their centroid
 * along their principal direction), and how far the farthest point lies from it.
 *
 * @param cx       a point on the line (the centroid)
 * @param dx       the unit direction
 * @param tMin     the smallest projection of a point on the direction, from the centroid
 * @param maxError the largest distance of a point from the line
 */
record LineFit(double cx, double cy, double dx, double dy, double tMin, double tMax, double maxError) {

    static LineFit of(Points p) {
        int n = p.size();
        double mx = p.meanX();
        double my = p.meanY();
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double u = p.x(i) - mx;
            double v = p.y(i) - my;
            sxx += u * u;
            syy += v * v;
            sxy += u * v;
        }
        double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
        double dx = Math.cos(angle);
        double dy = Math.sin(angle);
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = Double.NEGATIVE_INFINITY;
        double maxError = 0;
        for (int i = 0; i < n; i++) {
            double u = p.x(i) - mx;
            double v = p.y(i) - my;
            double t = u * dx + v * dy;
            tMin = Math.min(tMin, t);
            tMax = Math.max(tMax, t);
            maxError = Math.max(maxError, Math.abs(-u * dy + v * dx));
        }
        return new LineFit(mx, my, dx, dy, tMin, tMax, maxError);
    }

    double length() {
        return tMax - tMin;
    }

    /** Signed distance of a point from the line. */
    double distance(double x, double y) {
        return -(x - cx) * dy + (y - cy) * dx;
    }

    /** Position of a point's projection along the line, from the centroid. */
    double along(double x, double y) {
        return (x - cx) * dx + (y - cy) * dy;
    }

    double xAt(double t) {
        return cx + t * dx;
    }

    double yAt(double t) {
        return cy + t * dy;
    }
}
