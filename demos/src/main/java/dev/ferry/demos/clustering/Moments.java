package dev.ferry.demos.clustering;

/**
 * The ink's mass, centroid and second moments. They move with the ink under any affine map
 * (the centroid of a moved shape is the moved centroid; its spread scales with it), which is
 * what lets the alignment find shift, scale, and for the affine family stretch and shear in
 * closed form, and leave only the rotation to search.
 *
 * @param mass sum of the ink; {@code cx, cy} the centroid; {@code sxx, sxy, syy} the covariance
 */
record Moments(double mass, double cx, double cy, double sxx, double sxy, double syy) {
    /** Below this much ink (half a pixel's worth) an image is taken as blank: it is left where it is. */
    static final double BLANK = 0.5;
    /** Largest zoom the normalisation applies either way. */
    static final double MAX_ZOOM = 4;
    /** Largest ratio of the two spreads the affine normalisation evens out (a thin line stays thin). */
    static final double MAX_ANISOTROPY = 4;

    static Moments of(float[] ink, int size) {
        double m = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = ink[y * size + x];
                m += v;
                sx += v * x;
                sy += v * y;
            }
        }
        if (m < BLANK) {
            double o = (size - 1) / 2.0;
            return new Moments(0, o, o, 0, 0, 0);
        }
        double cx = sx / m;
        double cy = sy / m;
        double xx = 0;
        double xy = 0;
        double yy = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double v = ink[y * size + x];
                double dx = x - cx;
                double dy = y - cy;
                xx += v * dx * dx;
                xy += v * dx * dy;
                yy += v * dy * dy;
            }
        }
        return new Moments(m, cx, cy, xx / m, xy / m, yy / m);
    }

    boolean blank() {
        return mass <= 0;
    }

    /** Root mean squared distance of the ink from its centroid. */
    double radius() {
        return Math.sqrt(sxx + syy);
    }

    /**
     * The map from the normalised frame (ink centred, spread {@code radius}) to this image:
     * the identity for {@code IDENTITY}, a shift for {@code TRANSLATION}, shift and zoom for
     * {@code SIMILARITY}, shift and the square root of the covariance for {@code AFFINE}.
     */
    Affine normaliser(Transformation family, double radius, int size) {
        double o = (size - 1) / 2.0;
        if (family == Transformation.IDENTITY || blank()) {
            return Affine.IDENTITY;
        }
        if (family == Transformation.TRANSLATION) {
            return Affine.translation(cx - o, cy - o);
        }
        if (family == Transformation.SIMILARITY || radius() <= 0) {
            double zoom = clampZoom(radius() / radius);
            return Affine.about(o, o, zoom, 0, 0, zoom, cx - o, cy - o);
        }
        // covariance = V diag(l1, l2) Vᵀ; its square root maps an isotropic spread onto this one
        double trace = sxx + syy;
        double det = sxx * syy - sxy * sxy;
        double disc = Math.sqrt(Math.max(0, trace * trace / 4 - det));
        double l1 = trace / 2 + disc;
        double l2 = Math.max(trace / 2 - disc, l1 / (MAX_ANISOTROPY * MAX_ANISOTROPY));
        double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double perAxis = radius / Math.sqrt(2);
        double s1 = clampZoom(Math.sqrt(l1) / perAxis);
        double s2 = clampZoom(Math.sqrt(l2) / perAxis);
        double m00 = cos * cos * s1 + sin * sin * s2;
        double m01 = cos * sin * (s1 - s2);
        double m11 = sin * sin * s1 + cos * cos * s2;
        return Affine.about(o, o, m00, m01, m01, m11, cx - o, cy - o);
    }

    private static double clampZoom(double zoom) {
        return Math.max(1 / MAX_ZOOM, Math.min(MAX_ZOOM, zoom));
    }
}
