package dev.ferry.demos.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameSamplingTest {
    private static final VideoContract UNIFORM_4 =
            new VideoContract("NCTHW", 4, "uniform", 0, 0, 0, Optional.empty(), false);
    private static final VideoContract SEGMENTS_3X2 =
            new VideoContract("NCTHW", 6, "segments", 3, 2, 0, Optional.empty(), false);

    @Test
    void uniformTakesTheCentreFrameOfEqualParts() {
        assertArrayEquals(new int[] {12, 37, 62, 87}, FrameSampling.uniform(100, 4));
        assertArrayEquals(new int[] {1, 4, 7, 10}, FrameSampling.uniform(12, 4));
        assertArrayEquals(new int[] {50}, FrameSampling.uniform(100, 1));
    }

    @Test
    void linspaceRunsFromTheFirstFrameToTheLastRoundingHalvesToEvenAsNumPyDoes() {
        // numpy.round(numpy.linspace(0, 9, 7)) = 0, 2, 3, 4, 6, 8, 9: 1.5 → 2, 4.5 → 4, 7.5 → 8
        assertArrayEquals(new int[] {0, 2, 3, 4, 6, 8, 9}, FrameSampling.linspace(10, 7));
        assertArrayEquals(new int[] {0, 3, 6, 9}, FrameSampling.linspace(10, 4));
        // numpy: 0, 0.5 → 0, 1, 1.5 → 2, 2
        assertArrayEquals(new int[] {0, 0, 1, 2, 2}, FrameSampling.linspace(3, 5), "a short clip repeats frames");
        assertArrayEquals(new int[] {0}, FrameSampling.linspace(100, 1));
    }

    @Test
    void aShortClipRepeatsItsFramesEvenly() {
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, FrameSampling.uniform(3, 6));
        assertArrayEquals(new int[] {0, 0, 0, 0}, FrameSampling.uniform(1, 4));
    }

    @Test
    void segmentsTakeConsecutiveFramesFromTheMiddleOfEachPart() {
        assertArrayEquals(new int[] {4, 5, 14, 15, 24, 25}, FrameSampling.segments(30, 3, 2));
        // parts shorter than the run: the run starts at the part and runs on, the last frame repeats
        assertArrayEquals(new int[] {0, 1, 1, 2, 2, 3}, FrameSampling.segments(4, 3, 2));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, FrameSampling.segments(1, 3, 2));
    }

    @Test
    void indicesAreOffsetToTheirWindow() {
        assertArrayEquals(new int[] {101, 104, 107, 110}, FrameSampling.indices(UNIFORM_4, 100, 12));
        assertArrayEquals(new int[] {4, 5, 14, 15, 24, 25}, FrameSampling.indices(SEGMENTS_3X2, 0, 30));
    }

    @Test
    void slidingWindowsCoverTheTailAndAShortVideoIsOneWindow() {
        List<ClipWindow> windows = WindowPlan.sliding(UNIFORM_4, 95, 10, 2.0, 1.0);
        assertEquals(List.of(0, 10, 20, 30, 40, 50, 60, 70, 75), windows.stream().map(ClipWindow::first).toList());
        assertEquals(95, windows.get(windows.size() - 1).end());
        assertArrayEquals(new int[] {77, 82, 87, 92}, windows.get(windows.size() - 1).frames());

        assertEquals(3, WindowPlan.sliding(UNIFORM_4, 40, 10, 2.0, 0).size(), "stride 0 is half a window");
        List<ClipWindow> one = WindowPlan.sliding(UNIFORM_4, 15, 10, 2.0, 1.0);
        assertEquals(1, one.size());
        assertEquals(15, one.get(0).end());
    }
}
