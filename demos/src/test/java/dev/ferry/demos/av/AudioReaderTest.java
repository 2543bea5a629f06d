package dev.ferry.demos.av;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.demos.testing.TestAudio;
import dev.ferry.demos.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AudioReaderTest {
    private static final double TONE_RMS = 0.5 / Math.sqrt(2);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"wav", "mp3", "flac", "ogg", "opus", "m4a"})
    void decodesEveryFormatToMonoAtTheRateAskedFor(String ext) throws Exception {
        Path file = TestAudio.toneLeft(dir.resolve("tone." + ext), ext.equals("opus") ? 48000 : 44100, 2.0, 0.5);
        Path unnamed = Files.move(file, dir.resolve("recording.bin")); // recognised by its bytes

        assertEquals(TONE_RMS, rms(unnamed, ChannelChoice.LEFT, 16000), 0.02);
        assertEquals(0, rms(unnamed, ChannelChoice.RIGHT, 16000), 0.01);
        assertEquals(TONE_RMS / 2, rms(unnamed, ChannelChoice.MIX, 16000), 0.01);
        try (AudioStream s = AudioReader.open(unnamed, 8000, ChannelChoice.MIX)) {
            s.forEachRemaining(block -> { });
            assertEquals(2.0, s.secondsRead(), 0.03);
            s.requireComplete();
        }
    }

    @Test
    void blocksHaveTheSizeAskedForAndTheToneItsFrequency() throws Exception {
        Path file = TestAudio.toneLeft(dir.resolve("tone.flac"), 44100, 1.0, 0.5);
        int crossings = 0;
        float previous = 0;
        try (AudioStream s = AudioReader.open(file, 16000, ChannelChoice.LEFT, 1600)) {
            int blocks = 0;
            while (s.hasNext()) {
                float[] block = s.next();
                if (s.hasNext()) {
                    assertEquals(1600, block.length);
                }
                blocks++;
                for (float v : block) {
                    crossings += previous <= 0 && v > 0 ? 1 : 0;
                    previous = v;
                }
            }
            assertEquals(10, blocks);
            assertEquals(16000, s.sampleRate());
            assertEquals(44100, s.source().sampleRate());
        }
        assertEquals(TestAudio.TONE_HZ, crossings, 2);
    }

    @Test
    void readsTheAudioTrackOfAVideoAndRefusesAVideoWithout() throws Exception {
        Path silent = TestVideos.counting(dir.resolve("silent.mp4"), "mp4", 32, 32, 10, 5, 0);
        DemoFailure e = assertThrows(DemoFailure.class, () -> AudioReader.open(silent, 16000, ChannelChoice.MIX));
        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().contains("no audio track"), e.getMessage());
    }

    @Test
    void refusesAMissingChannelAnEmptyFileAndText() throws Exception {
        Path file = TestAudio.toneLeft(dir.resolve("tone.wav"), 16000, 0.5, 0.5);
        assertTrue(assertThrows(DemoFailure.class, () -> AudioReader.open(file, 16000, new ChannelChoice(2)))
                .getMessage().contains("has 2 channel(s)"));
        Path empty = Files.write(dir.resolve("empty.wav"), new byte[0]);
        assertTrue(assertThrows(DemoFailure.class, () -> AudioReader.open(empty, 16000, ChannelChoice.MIX))
                .getMessage().contains("empty"));
        Path text = Files.writeString(dir.resolve("notes.wav"), "hello\n".repeat(100));
        assertTrue(assertThrows(DemoFailure.class, () -> AudioReader.open(text, 16000, ChannelChoice.MIX))
                .getMessage().contains("not a media file"));
    }

    @Test
    void refusesAWavWhoseHeaderOverstatesItsLength() throws Exception {
        Path whole = TestAudio.toneLeft(dir.resolve("whole.wav"), 16000, 4.0, 0.5);
        byte[] bytes = Files.readAllBytes(whole);
        Path lying = Files.write(dir.resolve("lying.wav"), Arrays.copyOf(bytes, bytes.length / 2));
        DemoFailure e = assertThrows(DemoFailure.class, () -> AudioReader.open(lying, 16000, ChannelChoice.MIX));
        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().contains("declares 4.00 s of audio but the file holds 2.00 s"), e.getMessage());
    }

    @Test
    void requireCompleteCatchesAudioThatStopsShortOfTheDeclaredDuration() throws Exception {
        Path whole = TestAudio.toneLeft(dir.resolve("whole.flac"), 16000, 6.0, 0.5);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(bytes, bytes.length / 2));
        try (AudioStream s = AudioReader.open(cut, 16000, ChannelChoice.MIX)) {
            s.forEachRemaining(block -> { });
            assertTrue(s.secondsRead() < 4.5, "read " + s.secondsRead());
            DemoFailure e = assertThrows(DemoFailure.class, s::requireComplete);
            assertTrue(e.getMessage().contains("truncated or its header is wrong"), e.getMessage());
        }
    }

    @Test
    void parsesChannelChoices() {
        assertEquals(ChannelChoice.MIX, ChannelChoice.parse("mix"));
        assertEquals(ChannelChoice.RIGHT, ChannelChoice.parse("Right"));
        assertEquals(new ChannelChoice(3), ChannelChoice.parse("3"));
        assertThrows(IllegalArgumentException.class, () -> ChannelChoice.parse("centre"));
    }

    private static double rms(Path file, ChannelChoice channels, int rate) {
        double sum = 0;
        long n = 0;
        try (AudioStream s = AudioReader.open(file, rate, channels)) {
            while (s.hasNext()) {
                for (float v : s.next()) {
                    sum += v * v;
                    n++;
                }
            }
        }
        return Math.sqrt(sum / n);
    }
}
