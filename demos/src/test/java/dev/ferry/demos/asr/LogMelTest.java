package dev.ferry.demos.asr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Log-mel features against the definitions: mel scales, filter placement, a DFT done by hand, normalisation. */
class LogMelTest {
    static final int RATE = 16_000;

    /** NeMo's Conformer preprocessing at 16 kHz. */
    static MelSpec nemo(String normalize) {
        return new MelSpec(512, 400, 160, 80, 0, 0, "hann", false, 0.97, true, "constant", 2, "slaney", "slaney",
                "ln", "add", Math.pow(2, -24), normalize);
    }

    static MelSpec plain() {
        return new MelSpec(512, 400, 160, 80, 0, 0, "hann", true, 0, true, "constant", 2, "htk", "none",
                "ln", "clamp", 1e-10, "none");
    }

    static float[] sine(double hz, int samples) {
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return x;
    }

    @Test
    void melScalesAreLibrosasAndHtks() {
        assertEquals(15.0, MelFilterbank.toMel(1000, false), 1e-9);
        assertEquals(15 + Math.log(2) / (Math.log(6.4) / 27), MelFilterbank.toMel(2000, false), 1e-9);
        assertEquals(2595 * Math.log10(2), MelFilterbank.toMel(700, true), 1e-9);
        for (double hz : new double[] {0, 440, 999, 1000, 3000, 7999}) {
            assertEquals(hz, MelFilterbank.toHz(MelFilterbank.toMel(hz, false), false), 1e-6);
            assertEquals(hz, MelFilterbank.toHz(MelFilterbank.toMel(hz, true), true), 1e-6);
        }
    }

    @Test
    void framesAreCentredEveryHop() {
        LogMel mel = new LogMel(plain(), RATE, false);
        assertEquals(1 + 16_000 / 160, mel.frames(16_000));
        Features f = mel.compute(new float[16_000]);
        assertArrayEquals(new long[] {1, 80, 101}, f.shape());
        assertEquals(101, f.length());
    }

    @Test
    void aToneIsLoudestInTheBandAroundItsFrequency() {
        MelSpec spec = plain();
        Features f = new LogMel(spec, RATE, true).compute(sine(1000, 8000));
        int t = 20;
        int loudest = 0;
        for (int m = 1; m < 80; m++) {
            if (f.values()[t * 80 + m] > f.values()[t * 80 + loudest]) {
                loudest = m;
            }
        }
        double low = MelFilterbank.toMel(0, true);
        double high = MelFilterbank.toMel(8000, true);
        double centre = MelFilterbank.toHz(low + (high - low) * (loudest + 1) / 81, true);
        double step = MelFilterbank.toHz(low + (high - low) * (loudest + 2) / 81, true) - centre;
        assertTrue(Math.abs(centre - 1000) <= step, "band " + loudest + " is centred at " + centre + " Hz");
    }

    @Test
    void aFrameMatchesADftDoneByHand() {
        MelSpec spec = plain();
        float[] x = new float[4000];
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian() * 0.1f;
        }
        Features f = new LogMel(spec, RATE, true).compute(x);
        MelFilterbank filters = new MelFilterbank(spec, RATE);
        int t = 7;
        float[] power = new float[257];
        for (int k = 0; k <= 256; k++) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < 512; n++) {
                int index = t * 160 - 256 + n;
                int w = n - 56;   // the 400-sample window sits in the middle of the 512-sample frame
                double window = w >= 0 && w < 400 ? 0.5 - 0.5 * Math.cos(2 * Math.PI * w / 400) : 0;
                double sample = index >= 0 && index < x.length ? x[index] : 0;
                re += sample * window * Math.cos(2 * Math.PI * k * n / 512);
                im -= sample * window * Math.sin(2 * Math.PI * k * n / 512);
            }
            power[k] = (float) (re * re + im * im);
        }
        for (int m = 0; m < 80; m++) {
            double expected = Math.log(Math.max(filters.apply(m, power, 0), 1e-10));
            assertEquals(expected, f.values()[t * 80 + m], 1e-3, "band " + m);
        }
    }

    @Test
    void slaneyFiltersHaveUnitArea() {
        MelFilterbank filters = new MelFilterbank(nemo("none"), RATE);
        float[] flat = new float[257];
        java.util.Arrays.fill(flat, 1f);
        for (int m = 40; m < 80; m++) {   // wide enough filters for the bins to approximate the triangle
            assertEquals(1.0, filters.apply(m, flat, 0) * RATE / 512.0, 0.05, "band " + m);
        }
    }

    @Test
    void perFeatureNormalisationGivesEachBandZeroMeanAndUnitSpread() {
        Features f = new LogMel(nemo("per_feature"), RATE, false).compute(sine(440, 16_000));
        int frames = (int) f.shape()[2];
        for (int m = 0; m < 80; m += 13) {
            double sum = 0;
            double squares = 0;
            for (int t = 0; t < frames; t++) {
                sum += f.values()[m * frames + t];
            }
            double mean = sum / frames;
            for (int t = 0; t < frames; t++) {
                squares += Math.pow(f.values()[m * frames + t] - mean, 2);
            }
            assertEquals(0, mean, 1e-4);
            double std = Math.sqrt(squares / (frames - 1));
            assertTrue(std < 1.0001 && (std > 0.99 || std < 1e-3), "band " + m + " std " + std);
        }
    }

    @Test
    void theTwoLayoutsHoldTheSameValues() {
        float[] x = sine(300, 3200);
        Features mels = new LogMel(nemo("none"), RATE, false).compute(x);
        Features time = new LogMel(nemo("none"), RATE, true).compute(x);
        int frames = (int) time.shape()[1];
        assertArrayEquals(new long[] {1, frames, 80}, time.shape());
        for (int t = 0; t < frames; t++) {
            for (int m = 0; m < 80; m++) {
                assertEquals(mels.values()[m * frames + t], time.values()[t * 80 + m], 0f);
            }
        }
    }
}
