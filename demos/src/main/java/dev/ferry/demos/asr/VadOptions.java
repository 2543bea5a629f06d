package dev.ferry.demos.asr;

/**
 * How speech probabilities become segments (a job's parameters).
 *
 * @param threshold    a window at or above it is speech; speech ends below {@code threshold - 0.15}
 * @param minSilenceMs silence shorter than this does not end a segment (it merges the speech around it)
 * @param speechPadMs  kept on each side of a segment, so word onsets and endings are not cut
 * @param minSpeechMs  shorter bursts are dropped as noise
 * @param maxSegmentS  a segment longer than this (with its padding) is split at its quietest window
 */
public record VadOptions(double threshold, long minSilenceMs, long speechPadMs, long minSpeechMs, double maxSegmentS) {
    public static final VadOptions DEFAULTS = new VadOptions(0.5, 500, 200, 250, 30);

    public VadOptions {
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("threshold must be between 0 and 1");
        }
        if (minSilenceMs < 0 || speechPadMs < 0 || minSpeechMs < 0) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (maxSegmentS * 1000 < 2 * speechPadMs + 500) {
            throw new IllegalArgumentException("max_segment_s must leave at least 0.5 s between the paddings");
        }
    }

    /** Below this a speaking window turns silent: hysteresis, so speech hovering at the threshold is not chopped. */
    public double negativeThreshold() {
        return Math.max(threshold - 0.15, 0.01);
    }

    long samples(double ms, int sampleRate) {
        return Math.round(ms * sampleRate / 1000);
    }
}
