package dev.ferry.demos.asr;

import dev.ferry.demos.ctc.TokenSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Aligned tokens become words: a word ends at the word-delimiter token (or a space token) and
 * before a token carrying the word prefix; tokens in angle brackets ({@code <unk>},
 * {@code <s>}) spell nothing. A word spans its tokens' frames, and its confidence is the mean
 * probability over them.
 */
final class Words {
    private Words() {}

    /** The words of one segment; {@code offset} is the segment's start in the recording, in seconds. */
    static List<Word> of(List<TokenSpan> spans, CtcContract contract, double frameSeconds, double offset, double limit) {
        CtcSpec ctc = contract.ctc();
        List<Word> out = new ArrayList<>();
        Builder word = new Builder();
        for (TokenSpan span : spans) {
            String piece = contract.vocabulary().get(span.token());
            if (piece.equals(ctc.wordDelimiter()) || piece.isBlank()) {
                word.flush(out, frameSeconds, offset, limit, ctc.lowercase());
                continue;
            }
            if (piece.length() > 2 && piece.startsWith("<") && piece.endsWith(">")) {
                continue;
            }
            if (!ctc.wordPrefix().isEmpty() && piece.startsWith(ctc.wordPrefix())) {
                word.flush(out, frameSeconds, offset, limit, ctc.lowercase());
                piece = piece.substring(ctc.wordPrefix().length());
            }
            word.add(piece, span);
        }
        word.flush(out, frameSeconds, offset, limit, ctc.lowercase());
        return out;
    }

    private static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int first = -1;
        private int last;
        private double probability;
        private int frames;

        void add(String piece, TokenSpan span) {
            text.append(piece);
            if (first < 0) {
                first = span.first();
            }
            last = span.last();
            probability += span.probability();
            frames += span.frames();
        }

        void flush(List<Word> out, double frameSeconds, double offset, double limit, boolean lowercase) {
            if (first >= 0 && !text.isEmpty()) {
                String t = lowercase ? text.toString().toLowerCase(Locale.ROOT) : text.toString();
                double start = offset + first * frameSeconds;
                double end = Math.min(limit, offset + (last + 1) * frameSeconds);
                out.add(new Word(t, start, Math.max(start, end), probability / frames));
            }
            text.setLength(0);
            first = -1;
            probability = 0;
            frames = 0;
        }
    }
}
