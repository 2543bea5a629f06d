package dev.ferry.demos.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.demos.ctc.TokenSpan;
import dev.ferry.demos.inference.ModelContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Aligned tokens to words: delimiters, word prefixes, special tokens, times and confidences. */
class WordsTest {
    static CtcContract contract(List<String> vocabulary, CtcSpec ctc) {
        return new CtcContract("x", vocabulary, ctc, new FeatureSpec("waveform", 16_000, false, null, null, null));
    }

    static CtcSpec ctc(String delimiter, String prefix, boolean lowercase) {
        return new CtcSpec(0, delimiter, prefix, 0.02, "", "logits", lowercase, "");
    }

    @Test
    void theDelimiterEndsAWordAndTimesComeFromFramesPlusTheOffset() {
        List<String> vocab = List.of("<pad>", "<unk>", "|", "H", "I", "Y", "O", "U");
        List<TokenSpan> spans = List.of(
                new TokenSpan(3, 10, 11, 1.8),   // H, frames 10-11, 0.9 each
                new TokenSpan(4, 13, 13, 0.7),   // I
                new TokenSpan(2, 15, 15, 0.9),   // |
                new TokenSpan(1, 17, 17, 0.5),   // <unk>: spells nothing
                new TokenSpan(5, 20, 20, 0.6),   // Y
                new TokenSpan(6, 22, 23, 1.0),   // O
                new TokenSpan(7, 25, 25, 0.8));  // U
        List<Word> words = Words.of(spans, contract(vocab, ctc("|", "", true)), 0.02, 3.0, 10.0);
        assertEquals(2, words.size());
        Word hi = words.get(0);
        assertEquals("hi", hi.text());
        assertEquals(3.0 + 10 * 0.02, hi.start(), 1e-9);
        assertEquals(3.0 + 14 * 0.02, hi.end(), 1e-9);
        assertEquals((1.8 + 0.7) / 3, hi.confidence(), 1e-9);
        Word you = words.get(1);
        assertEquals("you", you.text());
        assertEquals(3.0 + 20 * 0.02, you.start(), 1e-9);
        assertEquals(3.0 + 26 * 0.02, you.end(), 1e-9);
        assertEquals((0.6 + 1.0 + 0.8) / 4, you.confidence(), 1e-9);
    }

    @Test
    void aWordPrefixStartsAWordAsSentencePieceMarksIt() {
        List<String> vocab = List.of("<blk>", "▁hel", "lo", "▁wor", "ld");
        List<TokenSpan> spans = List.of(new TokenSpan(1, 0, 0, 1), new TokenSpan(2, 2, 2, 1), new TokenSpan(3, 5, 5, 1),
                new TokenSpan(4, 7, 7, 1));
        List<Word> words = Words.of(spans, contract(vocab, ctc("|", "▁", false)), 0.04, 0, 100);
        assertEquals(List.of("hello", "world"), words.stream().map(Word::text).toList());
        assertEquals(0.2, words.get(1).start(), 1e-9);
    }

    @Test
    void aWordEndsNoLaterThanItsSegment() {
        List<Word> words = Words.of(List.of(new TokenSpan(1, 0, 99, 99)), contract(List.of("_", "A"), ctc("|", "", false)),
                0.02, 1.0, 2.5);
        assertEquals(2.5, words.get(0).end(), 1e-9);
    }

    @Test
    void aContractIsReadFromModelJsonSections() throws Exception {
        ModelContract c = dev.ferry.core.json.Json.MAPPER.readValue("""
                {"task": "ctc", "input": {"name": "input_values"},
                 "labels": ["<pad>", "|", "A"],
                 "ctc": {"blank_id": 0, "word_delimiter": "|", "frame_stride_s": 0.02, "language": "en-US"},
                 "features": {"type": "log_mel", "sample_rate": 8000, "layout": "time_first", "length_input": "length",
                              "mel": {"n_fft": 256, "hop_length": 80, "win_length": 200, "n_mels": 64,
                                      "preemphasis": 0.97, "normalize": "per_feature", "periodic": false}}}
                """, ModelContract.class);
        CtcContract ctc = CtcContract.of(c);
        assertEquals(8000, ctc.sampleRate());
        assertEquals("en-US", ctc.ctc().language());
        assertEquals("logits", ctc.ctc().scores());
        assertEquals(64, ctc.features().mel().nMels());
        assertEquals("slaney", ctc.features().mel().melScale());
        assertEquals(false, ctc.features().mel().periodic());
        assertEquals(List.of("<pad>", "|", "A"), ctc.vocabulary());
    }
}
