package dev.ferry.demos.av;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.demos.testing.TestAudio;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.demos.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VideoReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"mp4", "webm", "mov", "avi", "mkv"})
    void readsTheFramesAskedForByIndexWhateverTheContainer(String container) throws Exception {
        // Named .bin: the container is recognised from the bytes.
        Path file = TestVideos.counting(dir.resolve("clip.bin"), container, 64, 48, 10, 20, 0);
        VideoReader reader = VideoReader.open(file);
        assertEquals(20, reader.frameCount());
        assertEquals(2.0, reader.durationSeconds(), 0.01);
        assertEquals(64, reader.track().width());

        List<int[]> seen = new ArrayList<>();
        List<Integer> decoded = new ArrayList<>();
        reader.read(new int[] {0, 7, 19}, frame -> seen.add(new int[] {frame.index(),
                (int) Math.round(frame.seconds() * 10), centreBlue(frame.image())}), decoded::add);

        assertEquals(3, seen.size());
        for (int[] s : seen) {
            assertEquals(s[0], s[1], "frame " + s[0] + " has the time of frame " + s[1]);
            assertEquals(TestVideos.blue(s[0]), s[2], 4, "frame " + s[0] + " holds the wrong picture");
        }
        assertEquals(20, decoded.size(), "decoding stops after the last frame asked for");
    }

    @Test
    void turnsRotatedVideosUpright() throws Exception {
        Path file = TestVideos.counting(dir.resolve("portrait.mp4"), "mp4", 64, 48, 10, 5, 90);
        VideoReader reader = VideoReader.open(file);
        assertEquals(90, reader.track().rotation());
        assertEquals(48, reader.track().width());
        assertEquals(64, reader.track().height());

        int[] size = new int[2];
        int[] corners = new int[2];
        reader.read(new int[] {2}, frame -> {
            Mat image = frame.image();
            size[0] = image.cols();
            size[1] = image.rows();
            try (UByteIndexer px = image.createIndexer()) {
                corners[0] = px.get(2, image.cols() - 3, 1); // top right: where a clockwise turn puts the top left
                corners[1] = px.get(2, 2, 1);
            }
        }, i -> { });
        assertEquals(48, size[0]);
        assertEquals(64, size[1]);
        assertTrue(corners[0] > 200, "the white corner is at the top right: " + corners[0]);
        assertTrue(corners[1] < 150, "the top left is the background: " + corners[1]);
    }

    @Test
    void refusesATruncatedMp4() throws Exception {
        Path whole = TestVideos.counting(dir.resolve("whole.mp4"), "mp4", 64, 48, 10, 30, 0);
        Path cut = cut(whole, "cut.mp4");
        DemoFailure e = assertThrows(DemoFailure.class, () -> VideoReader.open(cut));
        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void refusesATruncatedWebmByItsDeclaredDuration() throws Exception {
        Path whole = TestVideos.counting(dir.resolve("whole.webm"), "webm", 64, 48, 10, 100, 0);
        DemoFailure e = assertThrows(DemoFailure.class, () -> VideoReader.open(cut(whole, "cut.webm")));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aVideoWhoseSoundRunsOnLongerIsNotTakenForTruncated() throws Exception {
        for (String container : List.of("mkv", "mp4")) {
            Path file = dir.resolve("talk." + container);
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 32, 32, 1);
                 OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                 Mat grey = new Mat(32, 32, opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0))) {
                recorder.setFormat(container.equals("mkv") ? "matroska" : container);
                recorder.setFrameRate(10);
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(16000);
                recorder.start();
                for (int i = 0; i < 20; i++) { // 2 s of video
                    recorder.record(converter.convert(grey));
                }
                for (int s = 0; s < 6; s++) { // 6 s of sound
                    recorder.recordSamples(16000, 1, java.nio.ShortBuffer.allocate(16000));
                }
                recorder.stop();
            }
            VideoReader reader = VideoReader.open(file);
            assertEquals(20, reader.frameCount(), container);
            assertEquals(2.0, reader.durationSeconds(), 0.01, container);
            assertTrue(reader.info().durationSeconds().orElse(0) > 5, "the file lasts as long as its sound");
        }
    }

    @Test
    void refusesAnImageAnEmptyFileTextAndAudio() throws Exception {
        Path png = Files.write(dir.resolve("video.mp4"), TestImages.gradient(64, 48, ".png"));
        assertTrue(assertThrows(DemoFailure.class, () -> VideoReader.open(png)).getMessage()
                .contains("is an image"));
        Path empty = Files.write(dir.resolve("empty.mp4"), new byte[0]);
        assertTrue(assertThrows(DemoFailure.class, () -> VideoReader.open(empty)).getMessage()
                .contains("empty"));
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all\n".repeat(50));
        assertTrue(assertThrows(DemoFailure.class, () -> VideoReader.open(text)).getMessage()
                .contains("not a media file"));
        Path audio = TestAudio.toneLeft(dir.resolve("tone.wav"), 16000, 0.5, 0.5);
        assertTrue(assertThrows(DemoFailure.class, () -> VideoReader.open(audio)).getMessage()
                .contains("no video stream"));
    }

    @Test
    void refusesIndicesOutOfOrderOrRange() throws Exception {
        VideoReader reader = VideoReader.open(TestVideos.counting(dir.resolve("c.mp4"), "mp4", 32, 32, 10, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> reader.read(new int[] {3, 1}, f -> { }, i -> { }));
        assertThrows(IllegalArgumentException.class, () -> reader.read(new int[] {5}, f -> { }, i -> { }));
    }

    static Path cut(Path whole, String name) throws Exception {
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(whole.resolveSibling(name), Arrays.copyOf(bytes, bytes.length / 2));
    }

    static int centreBlue(Mat image) {
        try (UByteIndexer px = image.createIndexer()) {
            return px.get(image.rows() / 2, image.cols() / 2, 0);
        }
    }
}
