package dev.ferry.demos.asr;

import java.util.Arrays;

/**
 * The recent samples of a recording, addressed by their position in the whole recording:
 * enough to cut out a segment once the detector has closed it, and no more, so memory
 * depends on the longest segment, not on the recording.
 */
final class AudioTail {
    private float[] samples = new float[1 << 16];
    private long base;
    private int length;

    void append(float[] block) {
        if (length + block.length > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, length + block.length));
        }
        System.arraycopy(block, 0, samples, length, block.length);
        length += block.length;
    }

    /** Position of the first sample held. */
    long start() {
        return base;
    }

    /** Position after the last sample held. */
    long end() {
        return base + length;
    }

    /** The samples from {@code from} to {@code to}, which must still be held. */
    float[] slice(long from, long to) {
        if (from < base || to > end() || from > to) {
            throw new IllegalArgumentException("samples " + from + "-" + to + " are not held (" + base + "-" + end() + ")");
        }
        int offset = (int) (from - base);
        return Arrays.copyOfRange(samples, offset, offset + (int) (to - from));
    }

    /** The array holding sample {@code position} at index {@link #indexOf}: no copy, valid until the next change. */
    float[] array() {
        return samples;
    }

    int indexOf(long position) {
        return (int) (position - base);
    }

    /** Lets go of the samples before {@code position}. */
    void discardBefore(long position) {
        int drop = (int) Math.min(Math.max(position - base, 0), length);
        if (drop == 0) {
            return;
        }
        System.arraycopy(samples, drop, samples, 0, length - drop);
        length -= drop;
        base += drop;
    }
}
