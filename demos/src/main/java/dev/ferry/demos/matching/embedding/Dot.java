package dev.ferry.demos.matching.embedding;

/**
 * The dot product both indexes spend their time in. Four running sums instead of one: the JIT
 * may not reorder a floating-point sum, so a single sum waits on each addition before the next;
 * four independent ones keep the CPU's adders busy (about twice as fast, docs/benchmarks.md).
 */
final class Dot {
    private Dot() {}

    /** {@code a · b[from .. from + a.length)}. */
    static float of(float[] a, float[] b, int from) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = a.length;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[j] * b[from + j];
            s1 += a[j + 1] * b[from + j + 1];
            s2 += a[j + 2] * b[from + j + 2];
            s3 += a[j + 3] * b[from + j + 3];
        }
        for (; j < n; j++) {
            s0 += a[j] * b[from + j];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
