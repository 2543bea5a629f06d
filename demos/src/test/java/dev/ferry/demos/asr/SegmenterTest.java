package dev.ferry.demos.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Speech probabilities of 32 ms windows (512 samples at 16 kHz) to segments, with the positions worked out by hand. */
class SegmenterTest {
    static final int RATE = 16_000;
    static final int W = 512;
    static final VadOptions OPTIONS = new VadOptions(0.5, 500, 200, 250, 30);

    /** {@code windows} of silence (0.05) with {@code p} in windows {@code [from, to)}. */
    static float[] windows(int windows, float p, int... ranges) {
        float[] out = new float[windows];
        Arrays.fill(out, 0.05f);
        for (int i = 0; i < ranges.length; i += 2) {
            Arrays.fill(out, ranges[i], ranges[i + 1], p);
        }
        return out;
    }

    static List<long[]> segments(VadOptions options, float[] probabilities, long total) {
        List<long[]> out = new ArrayList<>();
        Segmenter s = new Segmenter(options, RATE, W, (from, to) -> out.add(new long[] {from, to}));
        for (float p : probabilities) {
            s.accept(p);
        }
        s.finish(total);
        return out;
    }

    static List<long[]> segments(float[] probabilities) {
        return segments(OPTIONS, probabilities, (long) probabilities.length * W);
    }

    static void assertSegments(List<long[]> actual, long... expected) {
        List<String> want = new ArrayList<>();
        for (int i = 0; i < expected.length; i += 2) {
            want.add(expected[i] + "-" + expected[i + 1]);
        }
        assertEquals(want, actual.stream().map(r -> r[0] + "-" + r[1]).toList());
    }

    @Test
    void aBurstOfSpeechGetsItsPaddingOnBothSides() {
        // speech from window 20 (10240) until the silence at window 60 (30720); 200 ms = 3200 samples each side
        assertSegments(segments(windows(200, 0.9f, 20, 60)), 7040, 33920);
    }

    @Test
    void silenceShorterThanTheMinimumMergesTheSpeechAroundIt() {
        // 10 windows = 320 ms of silence < 500 ms
        assertSegments(segments(windows(200, 0.9f, 20, 60, 70, 110)), 7040, 110 * W + 3200);
    }

    @Test
    void aLongEnoughSilenceSeparatesTwoSegments() {
        // 20 windows = 640 ms of silence: the gap (10240) is more than two paddings, so each keeps its 3200
        assertSegments(segments(windows(200, 0.9f, 20, 60, 80, 120)), 7040, 60 * W + 3200, 80 * W - 3200, 120 * W + 3200);
    }

    @Test
    void burstsShorterThanTheMinimumSpeechAreDropped() {
        assertSegments(segments(windows(200, 0.9f, 20, 27)));                 // 224 ms < 250 ms
        assertSegments(segments(windows(200, 0.9f, 20, 28)), 7040, 28 * W + 3200);  // 256 ms
    }

    @Test
    void probabilitiesBetweenTheTwoThresholdsKeepSpeechGoing() {
        float[] p = windows(300, 0.9f, 20, 60, 90, 130);
        Arrays.fill(p, 60, 90, 0.4f);   // below 0.5 but above 0.35 for 960 ms: not silence
        assertSegments(segments(p), 7040, 130 * W + 3200);
        Arrays.fill(p, 60, 90, 0.3f);   // below 0.35: silence
        assertSegments(segments(p), 7040, 60 * W + 3200, 90 * W - 3200, 130 * W + 3200);
    }

    @Test
    void segmentsCloserThanTwoPaddingsShareTheGap() {
        VadOptions shortSilence = new VadOptions(0.5, 100, 200, 250, 30);
        // gap of 8 windows = 4096 samples < 6400: each side gets 2048
        List<long[]> s = segments(shortSilence, windows(200, 0.9f, 20, 40, 48, 80), 200L * W);
        assertSegments(s, 7040, 40 * W + 2048, 40 * W + 2048, 80 * W + 3200);
    }

    @Test
    void speechLongerThanTheMaximumIsCutAtItsQuietestWindowInTheSecondHalf() {
        float[] p = windows(2000, 0.9f, 0, 2000);   // 64 s of speech
        p[300] = 0.51f;                            // quieter, but in the first half of the first 30 s: not chosen
        p[700] = 0.55f;
        List<long[]> s = segments(p);
        long cut = 700L * W + W / 2;
        assertEquals(0, s.get(0)[0]);
        assertEquals(cut, s.get(0)[1]);
        assertEquals(cut, s.get(1)[0], "no padding across a cut: the next segment starts where this one ends");
        assertEquals(2000L * W, s.get(s.size() - 1)[1], "speech running to the end ends with the recording");
        for (long[] r : s) {
            assertTrue(r[1] - r[0] <= 30 * RATE, (r[1] - r[0]) + " samples is longer than 30 s");
        }
        for (int i = 1; i < s.size(); i++) {
            assertEquals(s.get(i - 1)[1], s.get(i)[0], "split speech stays contiguous");
        }
    }

    @Test
    void theRightPaddingStopsAtTheEndOfTheRecording() {
        assertSegments(segments(OPTIONS, windows(100, 0.9f, 50, 98), 100L * W - 100), 50 * W - 3200, 100L * W - 100);
    }

    @Test
    void noSegmentReachesBackBeforeTheAudioItWasToldItCouldLetGo() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            float[] p = new float[3000];
            float level = 0;
            for (int i = 0; i < p.length; i++) {
                if (random.nextInt(40) == 0) {
                    level = random.nextFloat();
                }
                p[i] = level;
            }
            VadOptions options = new VadOptions(0.5, random.nextInt(800), random.nextInt(600), random.nextInt(400),
                    5 + random.nextInt(20));
            List<long[]> out = new ArrayList<>();
            long[] released = {0};
            Segmenter s = new Segmenter(options, RATE, W, (from, to) -> {
                assertTrue(from >= released[0], "segment from " + from + " but audio before " + released[0] + " was let go");
                out.add(new long[] {from, to});
            });
            for (float v : p) {
                s.accept(v);
                released[0] = Math.max(released[0], s.earliestNeeded());
            }
            s.finish((long) p.length * W);
            for (int i = 0; i < out.size(); i++) {
                long[] r = out.get(i);
                assertTrue(r[0] < r[1], "empty segment");
                assertTrue(r[1] - r[0] <= Math.round(options.maxSegmentS() * RATE), "segment longer than the maximum");
                if (i > 0) {
                    assertTrue(out.get(i - 1)[1] <= r[0], "segments overlap");
                }
            }
        }
    }
}
