package dev.ferry.demos.av;

import dev.ferry.core.demo.DemoFailure;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Mono float samples in [-1, 1] at {@link #sampleRate()}, in blocks of a fixed size (the last
 * one shorter), decoded as they are asked for: memory stays the same whatever the length of
 * the recording. Not thread-safe; close it when done (it holds FFmpeg's decoder). When the
 * rate changes, the resampler's last millisecond (its filter delay, about 16 samples at
 * 16 kHz) is not flushed: a 2.000 s file reads as 1.999 s.
 */
public final class AudioStream implements Iterator<float[]>, AutoCloseable {
    private final FFmpegFrameGrabber grabber;
    private final MediaInfo info;
    private final int sampleRate;
    private final ChannelChoice channels;
    private final String name;
    private final float[] block;
    private int filled;
    private float[] ready;
    private boolean ended;
    private long samplesRead;
    private float[] carry = new float[0];
    private int carryFrom;

    AudioStream(FFmpegFrameGrabber grabber, MediaInfo info, int sampleRate, ChannelChoice channels,
                int blockSamples, String name) {
        this.grabber = grabber;
        this.info = info;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.name = name;
        this.block = new float[blockSamples];
    }

    /** The container and tracks as probed. */
    public MediaInfo info() {
        return info;
    }

    /** The track being read (as stored: its own rate and channel count). */
    public AudioTrack source() {
        return info.audio().orElseThrow();
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** The duration the container declares; a truncated file or a lying header overstates it. */
    public OptionalDouble declaredSeconds() {
        return info.durationSeconds();
    }

    /** Samples handed out so far (at {@link #sampleRate()}). */
    public long samplesRead() {
        return samplesRead;
    }

    public double secondsRead() {
        return samplesRead / (double) sampleRate;
    }

    @Override
    public boolean hasNext() {
        if (ready == null && !ended) {
            ready = fill();
        }
        return ready != null;
    }

    /** The next block, a new array the caller may keep. */
    @Override
    public float[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        float[] out = ready;
        ready = null;
        samplesRead += out.length;
        return out;
    }

    /**
     * After the last block: bad input when the audio stopped well short of what the container
     * declares (more than half a second and 2%), the mark of a truncated file or a header that
     * lies about its length. Formats that only estimate their duration can trip it, so callers
     * decide whether to ask.
     */
    public void requireComplete() {
        if (hasNext()) {
            throw new IllegalStateException("the stream has not been read to its end");
        }
        OptionalDouble declared = declaredSeconds();
        if (declared.isPresent()) {
            double missing = declared.getAsDouble() - secondsRead();
            if (missing > 0.5 && missing > 0.02 * declared.getAsDouble()) {
                throw DemoFailure.badInput(String.format(java.util.Locale.ROOT,
                        "%s declares %.2f s of audio but holds %.2f s: it is truncated or its header is wrong",
                        name, declared.getAsDouble(), secondsRead()));
            }
        }
    }

    @Override
    public void close() {
        Grabbers.close(grabber);
    }

    private float[] fill() {
        while (filled < block.length) {
            if (carryFrom >= carry.length && !decodeMore()) {
                ended = true;
                if (filled == 0) {
                    return null;
                }
                float[] last = Arrays.copyOf(block, filled);
                filled = 0;
                return last;
            }
            int n = Math.min(block.length - filled, carry.length - carryFrom);
            System.arraycopy(carry, carryFrom, block, filled, n);
            filled += n;
            carryFrom += n;
        }
        filled = 0;
        return block.clone();
    }

    /** Decodes the next audio frame into {@code carry}; false at the end of the track. */
    private boolean decodeMore() {
        Frame frame;
        try {
            frame = grabber.grabSamples();
        } catch (FrameGrabber.Exception e) {
            throw DemoFailure.badInput(name + ": the audio cannot be decoded (" + e.getMessage() + ")");
        }
        if (frame == null) {
            return false;
        }
        if (frame.samples == null || frame.samples.length == 0) {
            carry = new float[0];
            carryFrom = 0;
            return true;
        }
        FloatBuffer interleaved = (FloatBuffer) frame.samples[0];
        int count = frame.audioChannels > 0 ? frame.audioChannels : 1;
        int frames = interleaved.limit() / count;
        float[] mono = new float[frames];
        if (channels.mixes()) {
            float scale = 1f / count;
            for (int i = 0, p = 0; i < frames; i++) {
                float sum = 0;
                for (int c = 0; c < count; c++) {
                    sum += interleaved.get(p++);
                }
                mono[i] = sum * scale;
            }
        } else {
            int c = channels.channel();
            for (int i = 0; i < frames; i++) {
                mono[i] = interleaved.get(i * count + c);
            }
        }
        carry = mono;
        carryFrom = 0;
        return true;
    }
}
