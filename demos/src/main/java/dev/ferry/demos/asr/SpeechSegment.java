package dev.ferry.demos.asr;

/**
 * A stretch of speech the voice-activity detector found, padding included.
 *
 * @param index  from 1, in order of time
 * @param start  first sample, at {@code sampleRate}
 * @param end    sample after the last
 */
public record SpeechSegment(int index, long start, long end, int sampleRate) {
    public double startSeconds() {
        return start / (double) sampleRate;
    }

    public double endSeconds() {
        return end / (double) sampleRate;
    }

    public double seconds() {
        return (end - start) / (double) sampleRate;
    }
}
