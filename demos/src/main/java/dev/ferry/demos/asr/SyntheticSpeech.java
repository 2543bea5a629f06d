package dev.ferry.demos.asr;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Real speech with known silences, for tests and {@code ferry bench asr}: sentences spoken by
 * {@code espeak-ng} (a Debian package), trimmed to where the voice is, and joined with
 * silences of chosen lengths, so where the speech is is known to the sample.
 */
public final class SyntheticSpeech {
    /** Samples below this (of 1.0) at a clip's ends are espeak's own silence, trimmed away. */
    private static final float SILENT = 1e-3f;

    private final int sampleRate;
    private final List<float[]> parts = new ArrayList<>();
    private final List<Span> speech = new ArrayList<>();
    private long length;

    /** A stretch of the recording, in seconds. */
    public record Span(double start, double end) {}

    private SyntheticSpeech(int sampleRate) {
        this.sampleRate = sampleRate;
    }

    /** An empty recording at espeak-ng's rate, 22050 Hz. */
    public static SyntheticSpeech create() {
        return new SyntheticSpeech(22_050);
    }

    public SyntheticSpeech say(String text) throws IOException {
        float[] voice = trimmed(espeak(text));
        speech.add(new Span(length / (double) sampleRate, (length + voice.length) / (double) sampleRate));
        return append(voice);
    }

    public SyntheticSpeech silence(double seconds) {
        return append(new float[(int) Math.round(seconds * sampleRate)]);
    }

    /** Everything said and left silent so far, again and again until the recording is {@code seconds} long. */
    public SyntheticSpeech repeatUntil(double seconds) {
        List<float[]> pattern = List.copyOf(parts);
        List<Span> spans = List.copyOf(speech);
        double patternSeconds = length / (double) sampleRate;
        for (int round = 1; length < seconds * sampleRate; round++) {
            for (Span s : spans) {
                speech.add(new Span(s.start() + round * patternSeconds, s.end() + round * patternSeconds));
            }
            pattern.forEach(this::append);
        }
        return this;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public double seconds() {
        return length / (double) sampleRate;
    }

    /** Where the voice is, in order. */
    public List<Span> speech() {
        return List.copyOf(speech);
    }

    public float[] samples() {
        float[] out = new float[Math.toIntExact(length)];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Writes the recording as a 16-bit mono WAV. */
    public Path writeWav(Path file) throws IOException {
        float[] samples = samples();
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /**
     * Encodes the recording with FFmpeg, container and codec chosen by the file's extension
     * ({@code mp3}, {@code flac}, {@code ogg}, {@code m4a}, {@code wav}), at {@code rate} Hz
     * with {@code channels} channels: the voice on channel {@code voice} and silence on the
     * others, or the voice on all of them for {@code voice = -1}.
     */
    public Path encode(Path file, int rate, int channels, int voice) throws IOException {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), channels)) {
            recorder.setSampleRate(rate);
            switch (ext) {
                case "mp3" -> recorder.setAudioCodec(avcodec.AV_CODEC_ID_MP3);
                case "flac" -> recorder.setAudioCodec(avcodec.AV_CODEC_ID_FLAC);
                case "ogg" -> recorder.setAudioCodec(avcodec.AV_CODEC_ID_VORBIS);
                case "m4a" -> recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                case "wav" -> recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
                default -> throw new IllegalArgumentException("no encoder chosen for ." + ext);
            }
            recorder.setFormat(ext.equals("m4a") ? "ipod" : ext);
            recorder.setAudioBitrate(128_000);
            recorder.start();
            float[] all = samples();
            int block = 4096;
            for (int from = 0; from < all.length; from += block) {
                int n = Math.min(block, all.length - from);
                FloatBuffer interleaved = FloatBuffer.allocate(n * channels);
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < channels; c++) {
                        interleaved.put(voice < 0 || c == voice ? all[from + i] : 0f);
                    }
                }
                interleaved.flip();
                recorder.recordSamples(sampleRate, channels, interleaved);
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("FFmpeg could not write " + name + ": " + e.getMessage(), e);
        }
        return file;
    }

    private SyntheticSpeech append(float[] samples) {
        parts.add(samples);
        length += samples.length;
        return this;
    }

    private float[] espeak(String text) throws IOException {
        Path wav = Files.createTempFile("ferry-espeak-", ".wav");
        try {
            Process p;
            try {
                p = new ProcessBuilder(List.of("espeak-ng", "-w", wav.toString(), text))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                throw new IOException("synthesising speech needs espeak-ng (apt-get install espeak-ng)", e);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("espeak-ng failed on \"" + text + "\"");
            }
            return read(wav);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    private float[] read(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1 || f.getSampleRate() != sampleRate || f.isBigEndian()) {
                throw new IOException("espeak-ng wrote " + f + "; expected 16-bit mono little-endian at " + sampleRate + " Hz");
            }
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[bytes.remaining() / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = bytes.getShort() / 32768f;
            }
            return out;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("espeak-ng wrote no WAV", e);
        }
    }

    private static float[] trimmed(float[] x) {
        int from = 0;
        while (from < x.length && Math.abs(x[from]) < SILENT) {
            from++;
        }
        int to = x.length;
        while (to > from && Math.abs(x[to - 1]) < SILENT) {
            to--;
        }
        return java.util.Arrays.copyOfRange(x, from, to);
    }
}
