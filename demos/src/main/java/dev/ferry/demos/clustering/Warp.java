package dev.ferry.demos.clustering;

/**
 * Resampling of square float images ({@code size × size}, row-major) through an {@link Affine}
 * map, bilinear, zero outside the source. Plain Java on arrays: no native calls per item, the
 * same result on every thread, and {@link #ssd} stops early once a candidate is already worse
 * than the best one found, which is what makes the alignment search affordable.
 */
final class Warp {
    private Warp() {}

    /** {@code dst(p) = src(m(p))} for every pixel p of {@code dst}. */
    static void warp(float[] src, int size, Affine m, float[] dst) {
        for (int y = 0; y < size; y++) {
            double sx = m.x(0, y);
            double sy = m.y(0, y);
            int row = y * size;
            for (int x = 0; x < size; x++) {
                dst[row + x] = sample(src, size, sx, sy);
                sx += m.a();
                sy += m.d();
            }
        }
    }

    static float[] warp(float[] src, int size, Affine m) {
        float[] dst = new float[size * size];
        warp(src, size, m, dst);
        return dst;
    }

    /**
     * {@code Σ (src(m(p)) − target(p))²} over the target's pixels, or some value at least
     * {@code bound} as soon as the running sum reaches it (checked per row).
     */
    static double ssd(float[] src, int size, Affine m, float[] target, double bound) {
        double sum = 0;
        for (int y = 0; y < size; y++) {
            double sx = m.x(0, y);
            double sy = m.y(0, y);
            int row = y * size;
            float rowSum = 0;
            for (int x = 0; x < size; x++) {
                float diff = sample(src, size, sx, sy) - target[row + x];
                rowSum += diff * diff;
                sx += m.a();
                sy += m.d();
            }
            sum += rowSum;
            if (sum >= bound) {
                return sum;
            }
        }
        return sum;
    }

    /** Bilinear sample at (sx, sy); pixels outside the image are 0. */
    static float sample(float[] src, int size, double sx, double sy) {
        double fx0 = Math.floor(sx);
        double fy0 = Math.floor(sy);
        int x0 = (int) fx0;
        int y0 = (int) fy0;
        if (x0 < -1 || y0 < -1 || x0 >= size || y0 >= size) {
            return 0;
        }
        float fx = (float) (sx - fx0);
        float fy = (float) (sy - fy0);
        if (x0 >= 0 && y0 >= 0 && x0 + 1 < size && y0 + 1 < size) {
            int i = y0 * size + x0;
            float top = src[i] + fx * (src[i + 1] - src[i]);
            float bottom = src[i + size] + fx * (src[i + size + 1] - src[i + size]);
            return top + fy * (bottom - top);
        }
        float p00 = at(src, size, x0, y0);
        float p10 = at(src, size, x0 + 1, y0);
        float p01 = at(src, size, x0, y0 + 1);
        float p11 = at(src, size, x0 + 1, y0 + 1);
        float top = p00 + fx * (p10 - p00);
        float bottom = p01 + fx * (p11 - p01);
        return top + fy * (bottom - top);
    }

    private static float at(float[] src, int size, int x, int y) {
        return x < 0 || y < 0 || x >= size || y >= size ? 0 : src[y * size + x];
    }

    /** Half the size, each pixel the mean of a 2 × 2 block (a trailing odd row and column are dropped). */
    static float[] half(float[] src, int size) {
        int h = size / 2;
        float[] dst = new float[h * h];
        for (int y = 0; y < h; y++) {
            int r0 = 2 * y * size;
            int r1 = r0 + size;
            for (int x = 0; x < h; x++) {
                int c = 2 * x;
                dst[y * h + x] = 0.25f * (src[r0 + c] + src[r0 + c + 1] + src[r1 + c] + src[r1 + c + 1]);
            }
        }
        return dst;
    }

    /** Four partial sums, in a fixed order, so the result is the same on every run. */
    static double dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
