package dev.ferry.demos.clustering;

/**
 * Local refinement of an alignment by inverse-compositional Lucas–Kanade (Baker and Matthews,
 * 2004): Gauss–Newton on the squared difference between the prototype and the item read
 * through the current map. "Inverse compositional" because the prototype's gradients,
 * steepest-descent images and Hessian depend only on the prototype, so they are computed once
 * per prototype per iteration ({@link #of}) and each step costs one resampling of the item
 * and one pass over its pixels. The map is updated by composing with the inverse of each
 * step, which the transformation families allow since each is a group. The best map seen is
 * kept, so a step that makes things worse never ends up in the result.
 */
final class LucasKanade {
    static final int MAX_STEPS = 12;
    private static final double DAMPING = 1e-6;

    private final Transformation family;
    private final int size;
    private final double centre;
    private final float[] template;
    private final float[][] steepest;
    private final double[][] inverseHessian;

    private LucasKanade(Transformation family, int size, float[] template, float[][] steepest, double[][] inverseHessian) {
        this.family = family;
        this.size = size;
        this.centre = (size - 1) / 2.0;
        this.template = template;
        this.steepest = steepest;
        this.inverseHessian = inverseHessian;
    }

    /** The precomputed part for one prototype; empty-handed (no refinement) for a blank one. */
    static LucasKanade of(Transformation family, int size, float[] template) {
        int n = family.parameters;
        int pixels = size * size;
        double o = (size - 1) / 2.0;
        float[][] sd = new float[n][pixels];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                float gx = 0.5f * (at(template, size, x + 1, y) - at(template, size, x - 1, y));
                float gy = 0.5f * (at(template, size, x, y + 1) - at(template, size, x, y - 1));
                float u = (float) (x - o);
                float v = (float) (y - o);
                sd[0][i] = gx;
                sd[1][i] = gy;
                if (family == Transformation.SIMILARITY) {
                    sd[2][i] = gx * u + gy * v;
                    sd[3][i] = -gx * v + gy * u;
                } else if (family == Transformation.AFFINE) {
                    sd[2][i] = gx * u;
                    sd[3][i] = gx * v;
                    sd[4][i] = gy * u;
                    sd[5][i] = gy * v;
                }
            }
        }
        double[][] h = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                h[r][c] = Warp.dot(sd[r], sd[c]);
                h[c][r] = h[r][c];
            }
        }
        for (int r = 0; r < n; r++) {
            h[r][r] = h[r][r] * (1 + DAMPING) + 1e-9;
        }
        return new LucasKanade(family, size, template, sd, invert(h));
    }

    /** The best map found from {@code start} and its mean squared difference per pixel. */
    Aligner.Alignment refine(int index, float[] image, Affine start) {
        int pixels = size * size;
        int n = family.parameters;
        float[] warped = new float[pixels];
        Affine current = start;
        Affine best = start;
        double bestSsd = Double.POSITIVE_INFINITY;
        double[] b = new double[n];
        for (int step = 0; step <= MAX_STEPS; step++) {
            Warp.warp(image, size, current, warped);
            double ssd = 0;
            for (int i = 0; i < pixels; i++) {
                float e = warped[i] - template[i];
                warped[i] = e;
                ssd += e * e;
            }
            if (ssd < bestSsd) {
                bestSsd = ssd;
                best = current;
            } else {
                break;
            }
            if (step == MAX_STEPS) {
                break;
            }
            for (int j = 0; j < n; j++) {
                b[j] = Warp.dot(steepest[j], warped);
            }
            double[] dq = multiply(inverseHessian, b);
            current = current.compose(delta(dq).inverse());
            if (small(dq)) {
                // the last step was tiny: measure it, then stop
                step = MAX_STEPS - 1;
            }
        }
        return new Aligner.Alignment(index, best, bestSsd / pixels);
    }

    private Affine delta(double[] q) {
        return switch (family) {
            case IDENTITY -> Affine.IDENTITY;
            case TRANSLATION -> Affine.translation(q[0], q[1]);
            case SIMILARITY -> Affine.about(centre, centre, 1 + q[2], -q[3], q[3], 1 + q[2], q[0], q[1]);
            case AFFINE -> Affine.about(centre, centre, 1 + q[2], q[3], q[4], 1 + q[5], q[0], q[1]);
        };
    }

    /** Under a hundredth of a pixel of movement anywhere in the image. */
    private boolean small(double[] q) {
        double reach = size / 2.0;
        double move = Math.abs(q[0]) + Math.abs(q[1]);
        for (int j = 2; j < q.length; j++) {
            move += Math.abs(q[j]) * reach;
        }
        return move < 0.01;
    }

    private static float at(float[] img, int size, int x, int y) {
        return x < 0 || y < 0 || x >= size || y >= size ? 0 : img[y * size + x];
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int r = 0; r < v.length; r++) {
            double s = 0;
            for (int c = 0; c < v.length; c++) {
                s += m[r][c] * v[c];
            }
            out[r] = s;
        }
        return out;
    }

    /** Gauss–Jordan with partial pivoting; the damped Hessian is positive definite. */
    private static double[][] invert(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(m[r], 0, a[r], 0, n);
            a[r][n + r] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double p = a[col][col];
            for (int c = 0; c < 2 * n; c++) {
                a[col][c] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int c = 0; c < 2 * n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(a[r], n, inv[r], 0, n);
        }
        return inv;
    }
}
