package dev.ferry.demos.asr;

/**
 * Triangular mel filters over the bins of an {@code n_fft} spectrum, as librosa
 * ({@code slaney} scale and norm) or torchaudio ({@code htk} scale, no norm) build them.
 * Each filter touches a few neighbouring bins only, so it is kept as a range and its weights.
 */
final class MelFilterbank {
    private final int[] first;
    private final float[][] weights;

    MelFilterbank(MelSpec spec, int sampleRate) {
        int bins = spec.nFft() / 2 + 1;
        double fMax = spec.fMax() > 0 ? spec.fMax() : sampleRate / 2.0;
        boolean htk = spec.melScale().equals("htk");
        double low = toMel(spec.fMin(), htk);
        double high = toMel(fMax, htk);
        double[] edges = new double[spec.nMels() + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = toHz(low + (high - low) * i / (edges.length - 1), htk);
        }
        first = new int[spec.nMels()];
        weights = new float[spec.nMels()][];
        for (int m = 0; m < spec.nMels(); m++) {
            double left = edges[m];
            double centre = edges[m + 1];
            double right = edges[m + 2];
            double norm = spec.melNorm().equals("slaney") ? 2.0 / (right - left) : 1.0;
            float[] row = new float[bins];
            int lo = bins;
            int hi = -1;
            for (int k = 0; k < bins; k++) {
                double f = (double) k * sampleRate / spec.nFft();
                double w = Math.max(0, Math.min((f - left) / (centre - left), (right - f) / (right - centre)));
                if (w > 0) {
                    row[k] = (float) (w * norm);
                    lo = Math.min(lo, k);
                    hi = k;
                }
            }
            first[m] = hi < 0 ? 0 : lo;
            weights[m] = hi < 0 ? new float[0] : java.util.Arrays.copyOfRange(row, lo, hi + 1);
        }
    }

    int bands() {
        return weights.length;
    }

    /** Band {@code m}'s energy in {@code spectrum}, whose bins start at {@code offset}. */
    float apply(int m, float[] spectrum, int offset) {
        float[] w = weights[m];
        int base = offset + first[m];
        float sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * spectrum[base + i];
        }
        return sum;
    }

    static double toMel(double hz, boolean htk) {
        if (htk) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        double linear = hz / (200.0 / 3);
        return hz < 1000 ? linear : 15.0 + Math.log(hz / 1000.0) / (Math.log(6.4) / 27.0);
    }

    static double toHz(double mel, boolean htk) {
        if (htk) {
            return 700.0 * (Math.pow(10, mel / 2595.0) - 1.0);
        }
        return mel < 15 ? mel * (200.0 / 3) : 1000.0 * Math.exp((Math.log(6.4) / 27.0) * (mel - 15.0));
    }
}
