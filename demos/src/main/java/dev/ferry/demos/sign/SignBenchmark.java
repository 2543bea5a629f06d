package dev.ferry.demos.sign;

import dev.ferry.demos.av.SyntheticVideo;
import dev.ferry.demos.av.VideoReader;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.inference.StageClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * {@code ferry bench sign}'s measurement: decoding and preprocessing a 720p video for an
 * I3D-sized model (16 frames of 224 × 224, short side 256, NCTHW, Kinetics normalisation),
 * the whole clip as one window or 2 s windows every second, and the process's peak resident
 * memory. The model itself is left out (a stand-in answers), so the figures are the video
 * side alone. Each measurement is meant to run in a fresh JVM, so peaks compare.
 */
public final class SignBenchmark {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    public static final int FPS = 30;
    static final VideoContract I3D = new VideoContract("NCTHW", 16, "uniform", 0, 0, 256, Optional.empty(), false);
    static final ModelContract CONTRACT = new ModelContract(VideoContract.TASK, "benchmark stand-in",
            new ModelContract.ImageInput("video", "NCHW", 224, 224, false, "rgb"),
            new ModelContract.Normalization(1.0 / 255, List.of(0.45, 0.45, 0.45), List.of(0.225, 0.225, 0.225)),
            IntStream.range(0, 100).mapToObj(i -> "word_" + i).toList(), null, null);

    private SignBenchmark() {
    }

    /**
     * @param peakRssMb the process's peak resident set (VmHWM) after the run, MiB
     */
    public record Measurement(String video, double seconds, int frames, int converted, int windows, double decodeMs,
                              double preprocessMs, double totalMs, double peakRssMb) {
    }

    /** A 720p30 H.264 MP4 of {@code seconds}: a moving gradient with a bouncing block, so every frame differs. */
    public static Path writeVideo(Path file, int seconds) throws FrameRecorder.Exception {
        return SyntheticVideo.write(file, "mp4", WIDTH, HEIGHT, FPS, seconds * FPS, 0, (i, bgr) -> {
            bgr.put(new Scalar((i * 3) % 256, 128, 255 - (i * 3) % 256, 0));
            int x = (i * 17) % (WIDTH - 200);
            int y = (int) ((HEIGHT - 200) * (0.5 + 0.5 * Math.sin(i / 15.0)));
            try (Point from = new Point(x, y); Point to = new Point(x + 200, y + 200);
                 Scalar white = new Scalar(255, 255, 255, 0)) {
                opencv_imgproc.rectangle(bgr, from, to, white, -1, opencv_imgproc.LINE_8, 0);
            }
        });
    }

    /** Decodes and preprocesses {@code video} as a sign job would; {@code windowed}: 2 s windows every second. */
    public static Measurement measure(Path video, boolean windowed) throws Exception {
        long start = System.nanoTime();
        VideoReader reader = VideoReader.open(video);
        StageClock clock = new StageClock();
        int[] converted = {0};
        double[] uniform = new double[CONTRACT.labels().size()];
        java.util.Arrays.fill(uniform, 1.0 / uniform.length);
        ClipClassifier standIn = frames -> {
            converted[0] += frames.size();
            return uniform;
        };
        SignRun run = new SignRun(reader, I3D, CONTRACT, clock);
        Predictions p = run.predict("benchmark", video.getFileName().toString(), standIn,
                new SignRun.Options(5, windowed ? 2.0 : 0, windowed ? 1.0 : 0, 0), frame -> { });
        double total = (System.nanoTime() - start) / 1e6;
        int windows = windowed ? p.windows().size() : 1;
        return new Measurement(video.getFileName().toString(), reader.durationSeconds(), reader.frameCount(),
                converted[0], windows, clock.nanos(Stage.DECODE) / 1e6, clock.nanos(Stage.PREPROCESS) / 1e6, total,
                peakRssMb());
    }

    /** VmHWM of /proc/self/status: the most memory this process has held resident; 0 where there is no /proc. */
    public static double peakRssMb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return 0;
    }
}
