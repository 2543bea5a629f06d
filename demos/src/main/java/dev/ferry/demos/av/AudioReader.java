package dev.ferry.demos.av;

import dev.ferry.core.demo.DemoFailure;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * Opens the audio of a file — WAV, MP3, FLAC, Ogg/Opus, M4A, or the audio track of a video —
 * as a stream of mono float samples at the rate a model wants. FFmpeg's resampler brings the
 * samples to the rate and to 32-bit float; the channel is chosen (or the channels averaged)
 * here, so the choice is exact.
 */
public final class AudioReader {
    private AudioReader() {
    }

    /** Blocks of {@code sampleRate / 10} samples. */
    public static AudioStream open(Path file, int sampleRate, ChannelChoice channels) {
        return open(file, sampleRate, channels, Math.max(1, sampleRate / 10));
    }

    /**
     * The file's first audio track, resampled to {@code sampleRate} Hz mono, in blocks of
     * {@code blockSamples} (the last one shorter). Bad input when the file is not media,
     * has no audio track, lacks the chosen channel, or is a WAV whose header declares more
     * audio than the file holds. The caller closes the stream.
     */
    public static AudioStream open(Path file, int sampleRate, ChannelChoice channels, int blockSamples) {
        if (sampleRate < 1000 || sampleRate > 384_000) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz is out of range");
        }
        if (blockSamples < 1) {
            throw new IllegalArgumentException("blocks need at least one sample");
        }
        FFmpegFrameGrabber grabber = Grabbers.open(file);
        try {
            MediaInfo info = MediaProbe.describe(grabber);
            if (info.audio().isEmpty()) {
                throw DemoFailure.badInput(Grabbers.name(file) + " has no audio track"
                        + (info.video().isPresent() ? " (it is a video without sound)" : ""));
            }
            if (info.format().equals("wav")) {
                WavHeader.requireHonest(file);
            }
            AudioTrack track = info.audio().get();
            if (!channels.mixes() && channels.channel() >= track.channels()) {
                throw DemoFailure.badInput("channel " + channels.channel() + " was asked for but "
                        + Grabbers.name(file) + " has " + track.channels() + " channel(s), numbered from 0");
            }
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
            grabber.setSampleRate(sampleRate);
            grabber.setAudioChannels(track.channels());
            return new AudioStream(grabber, info, sampleRate, channels, blockSamples, Grabbers.name(file));
        } catch (RuntimeException e) {
            Grabbers.close(grabber);
            throw e;
        }
    }
}
