package dev.ferry.demos.asr;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Log-mel spectrogram frames of a segment, computed the way a model's training pipeline did
 * ({@link MelSpec}): pre-emphasis, centred windowed frames, a real FFT (OpenCV's, all frames
 * in one call), power, mel filters, log, and per-band normalisation.
 */
final class LogMel {
    private static final double STD_GUARD = 1e-5;

    private final MelSpec spec;
    private final MelFilterbank filters;
    private final float[] window;
    private final boolean timeFirst;

    LogMel(MelSpec spec, int sampleRate, boolean timeFirst) {
        this.spec = spec;
        this.filters = new MelFilterbank(spec, sampleRate);
        this.window = window(spec);
        this.timeFirst = timeFirst;
    }

    /** Number of frames for {@code samples} samples. */
    int frames(int samples) {
        if (spec.center()) {
            return 1 + samples / spec.hopLength();
        }
        return samples < spec.nFft() ? 1 : 1 + (samples - spec.nFft()) / spec.hopLength();
    }

    Features compute(float[] samples) {
        float[] x = preemphasised(samples);
        int frames = frames(x.length);
        int n = spec.nFft();
        int bins = n / 2 + 1;
        float[] power = new float[frames * bins];
        try (FloatPointer framed = new FloatPointer(frame(x, frames));
             Mat input = new Mat(frames, n, opencv_core.CV_32F, framed);
             Mat spectrum = new Mat()) {
            opencv_core.dft(input, spectrum, opencv_core.DFT_ROWS | opencv_core.DFT_COMPLEX_OUTPUT, 0);
            FloatBuffer complex = spectrum.createBuffer();
            boolean magnitude = spec.power() == 1;
            for (int t = 0; t < frames; t++) {
                int row = t * n * 2;
                for (int k = 0; k < bins; k++) {
                    float re = complex.get(row + 2 * k);
                    float im = complex.get(row + 2 * k + 1);
                    double energy = (double) re * re + (double) im * im;
                    power[t * bins + k] = (float) (magnitude ? Math.sqrt(energy) : spec.power() == 2
                            ? energy : Math.pow(energy, spec.power() / 2));
                }
            }
        }
        int mels = filters.bands();
        float[] out = new float[frames * mels];
        for (int t = 0; t < frames; t++) {
            for (int m = 0; m < mels; m++) {
                out[index(t, m, frames, mels)] = (float) log(filters.apply(m, power, t * bins));
            }
        }
        if (spec.normalize().equals("per_feature")) {
            normalisePerBand(out, frames, mels);
        }
        long[] shape = timeFirst ? new long[] {1, frames, mels} : new long[] {1, mels, frames};
        return new Features(out, shape, frames);
    }

    private int index(int t, int m, int frames, int mels) {
        return timeFirst ? t * mels + m : m * frames + t;
    }

    private double log(double energy) {
        double guarded = spec.logGuard().equals("add") ? energy + spec.guardValue() : Math.max(energy, spec.guardValue());
        return spec.log().equals("log10") ? Math.log10(guarded) : Math.log(guarded);
    }

    private void normalisePerBand(float[] out, int frames, int mels) {
        for (int m = 0; m < mels; m++) {
            double sum = 0;
            for (int t = 0; t < frames; t++) {
                sum += out[index(t, m, frames, mels)];
            }
            double mean = sum / frames;
            double squares = 0;
            for (int t = 0; t < frames; t++) {
                double d = out[index(t, m, frames, mels)] - mean;
                squares += d * d;
            }
            double std = Math.sqrt(squares / Math.max(frames - 1, 1)) + STD_GUARD;
            for (int t = 0; t < frames; t++) {
                int i = index(t, m, frames, mels);
                out[i] = (float) ((out[i] - mean) / std);
            }
        }
    }

    private float[] preemphasised(float[] samples) {
        if (spec.preemphasis() == 0 || samples.length == 0) {
            return samples;
        }
        float a = (float) spec.preemphasis();
        float[] y = new float[samples.length];
        y[0] = samples[0];
        for (int i = 1; i < samples.length; i++) {
            y[i] = samples[i] - a * samples[i - 1];
        }
        return y;
    }

    /** The windowed frames, one row of {@code n_fft} samples each. */
    private float[] frame(float[] x, int frames) {
        int n = spec.nFft();
        int shift = spec.center() ? n / 2 : 0;
        boolean reflect = spec.padMode().equals("reflect");
        float[] rows = new float[frames * n];
        for (int t = 0; t < frames; t++) {
            int origin = t * spec.hopLength() - shift;
            for (int i = 0; i < n; i++) {
                if (window[i] != 0) {
                    rows[t * n + i] = sample(x, origin + i, reflect) * window[i];
                }
            }
        }
        return rows;
    }

    private static float sample(float[] x, int index, boolean reflect) {
        if (index >= 0 && index < x.length) {
            return x[index];
        }
        if (!reflect || x.length < 2) {
            return 0;
        }
        int period = 2 * (x.length - 1);
        int i = Math.floorMod(index, period);
        return x[i < x.length ? i : period - i];
    }

    /** The window of {@code win_length}, periodic or symmetric, centred in {@code n_fft} zeros as torch.stft pads it. */
    private static float[] window(MelSpec spec) {
        int n = spec.nFft();
        int w = spec.winLength();
        float[] out = new float[n];
        int offset = (n - w) / 2;
        for (int i = 0; i < w; i++) {
            double phase = 2 * Math.PI * i / (spec.periodic() ? w : Math.max(w - 1, 1));
            out[offset + i] = (float) switch (spec.window()) {
                case "hann" -> 0.5 - 0.5 * Math.cos(phase);
                case "hamming" -> 0.54 - 0.46 * Math.cos(phase);
                default -> 1.0;
            };
        }
        return out;
    }
}
