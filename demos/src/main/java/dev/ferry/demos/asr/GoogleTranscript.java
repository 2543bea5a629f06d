package dev.ferry.demos.asr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * transcript.json in the shape of Google Cloud Speech-to-Text's recognize response, so
 * clients written for it read Ferry's: one result per speech segment, its best alternative
 * with the words and their offsets as duration strings ({@code "1.300s"}). Names are
 * camelCase here, as Google writes them.
 */
public record GoogleTranscript(List<Result> results) {
    public static GoogleTranscript of(List<TranscribedSegment> segments, String languageCode) {
        return new GoogleTranscript(segments.stream()
                .filter(s -> !s.words().isEmpty())
                .map(s -> new Result(List.of(new Alternative(s.transcript(), round(s.confidence()),
                        s.words().stream().map(GoogleTranscript::word).toList())),
                        duration(s.segment().endSeconds()), languageCode))
                .toList());
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Result(List<Alternative> alternatives,
                         @JsonProperty("resultEndTime") String resultEndTime,
                         @JsonProperty("languageCode") String languageCode) {}

    public record Alternative(String transcript, double confidence, List<WordInfo> words) {}

    public record WordInfo(@JsonProperty("startTime") String startTime, @JsonProperty("endTime") String endTime,
                           String word, double confidence) {}

    /** Seconds as a protobuf Duration in JSON: {@code "1.300s"}. */
    public static String duration(double seconds) {
        return String.format(Locale.ROOT, "%.3fs", seconds);
    }

    private static WordInfo word(Word w) {
        return new WordInfo(duration(w.start()), duration(w.end()), w.text(), round(w.confidence()));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
