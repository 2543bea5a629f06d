package dev.ferry.demos.asr;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code ctc} section of a recognition model's model.json: how to read its output
 * {@code [1, T, V]} over the vocabulary (the contract's {@code labels}, token by index).
 *
 * @param blankId       the CTC blank's index (wav2vec2: 0, {@code <pad>}; NeMo: the last)
 * @param wordDelimiter the token between words (wav2vec2: {@code |}); a space token always is one
 * @param wordPrefix    the mark of a token that starts a word (SentencePiece: {@code ▁}); empty for none
 * @param frameStrideS  seconds of audio per output frame (wav2vec2: 0.02; a Conformer with 4× subsampling
 *                      of 10 ms frames: 0.04); 0 takes the segment's length over the frame count
 * @param output        the logits output's name; empty for the graph's first output
 * @param scores        what the output holds: {@code logits} (softmax applied here), {@code log_probs} or {@code probs}
 * @param lowercase     whether transcripts are lower-cased (wav2vec2 English vocabularies are upper-case)
 * @param language      BCP-47 language code reported with each result ({@code en-US}, {@code zu-ZA}); empty if unknown
 */
public record CtcSpec(int blankId, String wordDelimiter, String wordPrefix, double frameStrideS, String output,
                      String scores, boolean lowercase, String language) {
    public CtcSpec {
        wordDelimiter = Objects.requireNonNullElse(wordDelimiter, "|");
        wordPrefix = Objects.requireNonNullElse(wordPrefix, "");
        output = Objects.requireNonNullElse(output, "");
        scores = Objects.requireNonNullElse(scores, "logits").toLowerCase(Locale.ROOT);
        language = Objects.requireNonNullElse(language, "");
        if (blankId < 0) {
            throw new IllegalArgumentException("ctc.blank_id must not be negative");
        }
        if (frameStrideS < 0) {
            throw new IllegalArgumentException("ctc.frame_stride_s must not be negative");
        }
        if (!scores.equals("logits") && !scores.equals("log_probs") && !scores.equals("probs")) {
            throw new IllegalArgumentException("ctc.scores must be logits, log_probs or probs, not " + scores);
        }
    }
}
