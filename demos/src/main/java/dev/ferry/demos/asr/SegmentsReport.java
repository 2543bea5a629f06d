package dev.ferry.demos.asr;

import java.util.List;

/**
 * segments.json: where the voice-activity detector heard speech, in seconds from the start.
 *
 * @param durationS the audio heard
 * @param speechS   the segments' total
 */
public record SegmentsReport(String input, int sampleRate, double durationS, double speechS, Vad vad,
                             List<Segment> segments) {

    /** The detector and the settings it ran with. */
    public record Vad(String model, double threshold, long minSilenceMs, long speechPadMs, long minSpeechMs,
                      double maxSegmentS) {}

    public record Segment(int index, double start, double end) {}

    static SegmentsReport of(String input, int sampleRate, double seconds, List<SpeechSegment> segments, VadOptions o) {
        return new SegmentsReport(input, sampleRate, ms(seconds),
                ms(segments.stream().mapToDouble(SpeechSegment::seconds).sum()),
                new Vad(AsrModels.VAD, o.threshold(), o.minSilenceMs(), o.speechPadMs(), o.minSpeechMs(), o.maxSegmentS()),
                segments.stream().map(s -> new Segment(s.index(), ms(s.startSeconds()), ms(s.endSeconds()))).toList());
    }

    static double ms(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
