package dev.ferry.demos.testing;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * Recordings made by tests with FFmpeg: a 440 Hz tone of a known amplitude on the left
 * channel and silence on the right, in the container and codec a file name's extension asks for.
 */
public final class TestAudio {
    public static final double TONE_HZ = 440;

    private TestAudio() {}

    /** {@code seconds} of stereo at {@code rate} Hz: left = {@code amplitude}·sin(440 Hz), right = 0. */
    public static Path toneLeft(Path file, int rate, double seconds, double amplitude) throws Exception {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 2)) {
            recorder.setSampleRate(rate);
            switch (ext) {
                case "wav" -> { recorder.setFormat("wav"); recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE); }
                case "mp3" -> { recorder.setFormat("mp3"); recorder.setAudioCodec(avcodec.AV_CODEC_ID_MP3); }
                case "flac" -> { recorder.setFormat("flac"); recorder.setAudioCodec(avcodec.AV_CODEC_ID_FLAC); }
                case "ogg" -> { recorder.setFormat("ogg"); recorder.setAudioCodec(avcodec.AV_CODEC_ID_VORBIS); }
                case "opus" -> { recorder.setFormat("opus"); recorder.setAudioCodec(avcodec.AV_CODEC_ID_OPUS); }
                case "m4a" -> { recorder.setFormat("ipod"); recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC); }
                default -> throw new IllegalArgumentException(ext);
            }
            recorder.setAudioBitrate(192_000);
            recorder.start();
            int total = (int) Math.round(seconds * rate);
            int chunk = 1024;
            for (int start = 0; start < total; start += chunk) {
                int n = Math.min(chunk, total - start);
                FloatBuffer interleaved = FloatBuffer.allocate(n * 2);
                for (int i = 0; i < n; i++) {
                    interleaved.put((float) (amplitude * Math.sin(2 * Math.PI * TONE_HZ * (start + i) / rate)));
                    interleaved.put(0f);
                }
                interleaved.flip();
                recorder.recordSamples(rate, 2, interleaved);
            }
            recorder.stop();
        }
        return file;
    }
}
