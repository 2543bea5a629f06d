package dev.ferry.demos.asr;

import java.util.List;
import java.util.stream.Collectors;

/** A speech segment and the words recognised in it. */
public record TranscribedSegment(SpeechSegment segment, List<Word> words) {
    public TranscribedSegment {
        words = List.copyOf(words);
    }

    public String transcript() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }

    /** The mean of the words' confidences; 0 without words. */
    public double confidence() {
        return words.stream().mapToDouble(Word::confidence).average().orElse(0);
    }
}
