package dev.ferry.demos.asr;

import java.util.Arrays;

/**
 * Turns a stream of per-window speech probabilities into speech segments as they are heard,
 * so a recording of any length is cut with bounded memory. Speech starts at a window at or
 * above the threshold and ends after {@code min_silence} below the lower threshold; bursts
 * shorter than {@code min_speech} are dropped; each segment gets {@code speech_pad} on both
 * sides, except where two segments are closer than two paddings, where they share the gap
 * half and half; speech running longer than {@code max_segment} (padding included) is cut at
 * its quietest window in the second half, with no padding across the cut. Positions are in
 * samples.
 */
final class Segmenter {
    /** Receives each segment, padded, in order and without overlaps. */
    interface Sink {
        void segment(long start, long end);
    }

    private final Sink sink;
    private final int window;
    private final double threshold;
    private final double negativeThreshold;
    private final long minSilence;
    private final long minSpeech;
    private final long pad;
    private final long maxSpeech;

    private long position;
    private boolean speaking;
    /** Where the open segment's speech starts, on a window boundary. */
    private long start;
    /** The earliest sample the open segment's padding may reach. */
    private long leftLimit;
    private long silenceFrom = -1;
    private float[] probabilities = new float[64];
    private int heard;
    private long pendingStart = -1;
    private long pendingEnd;
    private long floor;

    Segmenter(VadOptions options, int sampleRate, int window, Sink sink) {
        this.sink = sink;
        this.window = window;
        this.threshold = options.threshold();
        this.negativeThreshold = options.negativeThreshold();
        this.minSilence = options.samples(options.minSilenceMs(), sampleRate);
        this.minSpeech = options.samples(options.minSpeechMs(), sampleRate);
        this.pad = options.samples(options.speechPadMs(), sampleRate);
        this.maxSpeech = options.samples(options.maxSegmentS() * 1000, sampleRate) - 2 * pad;
    }

    /** The next window's speech probability. */
    void accept(float probability) {
        long at = position;
        position += window;
        if (speaking) {
            remember(probability);
        }
        if (probability >= threshold) {
            silenceFrom = -1;
            if (!speaking) {
                speaking = true;
                start = at;
                leftLimit = Math.max(floor, at - pad);
                heard = 0;
                remember(probability);
            }
        } else if (speaking && probability < negativeThreshold) {
            if (silenceFrom < 0) {
                silenceFrom = at;
            }
            if (position - silenceFrom >= minSilence) {
                close(silenceFrom);
            }
        }
        if (speaking && position - start >= maxSpeech) {
            split();
        }
        settleIfClear();
    }

    /** The end of the recording, {@code total} samples long. */
    void finish(long total) {
        if (speaking) {
            close(Math.min(silenceFrom >= 0 ? silenceFrom : total, total));
        }
        if (pendingStart >= 0) {
            emit(pendingStart, Math.min(total, pendingEnd + pad));
        }
    }

    /** The earliest sample a segment still to come may begin at: older audio can be let go. */
    long earliestNeeded() {
        if (pendingStart >= 0) {
            return pendingStart;
        }
        if (speaking) {
            return leftLimit;
        }
        return Math.max(floor, position - pad - window);
    }

    private void close(long end) {
        speaking = false;
        silenceFrom = -1;
        if (end - start < minSpeech) {
            return;
        }
        long paddedStart = sharePending(start);
        pendingStart = paddedStart;
        pendingEnd = end;
    }

    /** Ends the segment that waits for its right padding, given that speech resumes at {@code next}; returns the new segment's padded start. */
    private long sharePending(long next) {
        if (pendingStart >= 0) {
            long gap = next - pendingEnd;
            long end = pendingEnd + Math.min(pad, gap / 2);
            emit(pendingStart, end);
        }
        return Math.max(floor, Math.min(leftLimit, next - pad));
    }

    /** Cuts running speech at its quietest window in the second half, and goes on from there. */
    private void split() {
        int from = heard / 2;
        int quietest = from;
        for (int i = from; i < heard; i++) {
            if (probabilities[i] < probabilities[quietest]) {
                quietest = i;
            }
        }
        long cut = start + (long) quietest * window + window / 2;
        emit(sharePending(start), cut);
        start += (long) (quietest + 1) * window;
        leftLimit = cut;
        int kept = heard - quietest - 1;
        System.arraycopy(probabilities, quietest + 1, probabilities, 0, kept);
        heard = kept;
        if (silenceFrom >= 0 && silenceFrom < cut) {
            silenceFrom = cut;
        }
    }

    /** A waiting segment gets its whole right padding once no speech can start within two paddings of its end. */
    private void settleIfClear() {
        if (pendingStart < 0) {
            return;
        }
        long nextStart = speaking ? start : position;
        if (nextStart - pendingEnd >= 2 * pad) {
            emit(pendingStart, pendingEnd + pad);
        }
    }

    private void emit(long from, long to) {
        pendingStart = -1;
        floor = to;
        sink.segment(from, to);
    }

    private void remember(float probability) {
        if (heard == probabilities.length) {
            probabilities = Arrays.copyOf(probabilities, heard * 2);
        }
        probabilities[heard++] = probability;
    }
}
