package dev.ferry.demos.asr;

/** The samples themselves as the input {@code [1, samples]}, normalised as wav2vec2's feature extractor does when asked. */
final class WaveformFeatures {
    private static final double VARIANCE_GUARD = 1e-7;

    private WaveformFeatures() {}

    static Features of(float[] samples, boolean normalize) {
        float[] values = normalize ? normalised(samples) : samples;
        return new Features(values, new long[] {1, samples.length}, samples.length);
    }

    /** Zero mean, unit variance. */
    static float[] normalised(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        double mean = x.length == 0 ? 0 : sum / x.length;
        double squares = 0;
        for (float v : x) {
            squares += (v - mean) * (v - mean);
        }
        double scale = 1 / Math.sqrt((x.length == 0 ? 0 : squares / x.length) + VARIANCE_GUARD);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) ((x[i] - mean) * scale);
        }
        return out;
    }
}
