package dev.ferry.demos.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.demos.av.SyntheticVideo;
import dev.ferry.demos.sign.SignBenchmark.Measurement;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's measurement on a small video: what it counts, not how fast (no timing assertions). */
class SignBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void countsTheFramesDecodedConvertedAndTheWindows() throws Exception {
        Path video = SyntheticVideo.write(dir.resolve("clip.mp4"), "mp4", 64, 48, 30, 150, 0,
                (i, bgr) -> bgr.put(new Scalar(i, 100, 200, 0)));

        Measurement clip = SignBenchmark.measure(video, false);
        assertEquals(150, clip.frames());
        assertEquals(16, clip.converted());
        assertEquals(1, clip.windows());
        assertEquals(5.0, clip.seconds(), 1e-6);

        Measurement windows = SignBenchmark.measure(video, true);
        assertEquals(4, windows.windows(), "2 s windows every second over 5 s, the last one moved back to the end");
        assertEquals(64, windows.converted());
        assertTrue(windows.peakRssMb() > 0, "VmHWM read from /proc/self/status");
    }
}
