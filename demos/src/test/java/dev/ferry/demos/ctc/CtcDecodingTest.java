package dev.ferry.demos.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy and beam decoding and the alignment behind word times, on score tables whose answers are known. */
class CtcDecodingTest {
    static final int BLANK = 0;

    /** Scores from probabilities: {@code rows[t][v]}. */
    static CtcScores scores(double[][] rows) {
        int v = rows[0].length;
        float[] flat = new float[rows.length * v];
        for (int t = 0; t < rows.length; t++) {
            for (int i = 0; i < v; i++) {
                flat[t * v + i] = (float) rows[t][i];
            }
        }
        return CtcScores.of(flat, rows.length, v, "probs", 0.02);
    }

    @Test
    void greedyCollapsesRepeatsAndDropsBlanks() {
        // tokens 1 = a, 2 = b: a a _ a b b _ → "a a b"
        CtcScores s = scores(new double[][] {
            {0.1, 0.8, 0.1}, {0.1, 0.8, 0.1}, {0.8, 0.1, 0.1}, {0.1, 0.8, 0.1},
            {0.1, 0.1, 0.8}, {0.1, 0.1, 0.8}, {0.8, 0.1, 0.1}});
        assertArrayEquals(new int[] {1, 1, 2}, new GreedyDecoder().decode(s, BLANK));
        assertArrayEquals(new int[] {1, 1, 2}, new PrefixBeamSearch(8).decode(s, BLANK));
    }

    @Test
    void theBeamFindsTheSpellingWhoseProbabilityIsSpreadOverPaths() {
        // Each frame: blank 0.6, a 0.4. Greedy reads "" (0.36); "a" has the paths aa, a_, _a: 0.16 + 0.24 + 0.24 = 0.64.
        CtcScores s = scores(new double[][] {{0.6, 0.4}, {0.6, 0.4}});
        assertArrayEquals(new int[0], new GreedyDecoder().decode(s, BLANK));
        assertArrayEquals(new int[] {1}, new PrefixBeamSearch(4).decode(s, BLANK));
    }

    @Test
    void theBeamKeepsARepeatedLetterApartOnlyWithABlankBetween() {
        // "aa" needs a blank between the two a's; here the middle frame is surely blank
        CtcScores s = scores(new double[][] {{0.05, 0.95}, {0.9, 0.1}, {0.05, 0.95}});
        assertArrayEquals(new int[] {1, 1}, new PrefixBeamSearch(8).decode(s, BLANK));
        CtcScores noBlank = scores(new double[][] {{0.05, 0.95}, {0.05, 0.95}, {0.05, 0.95}});
        assertArrayEquals(new int[] {1}, new PrefixBeamSearch(8).decode(noBlank, BLANK));
    }

    @Test
    void theAlignmentGivesEachTokenItsFramesAndProbability() {
        CtcScores s = scores(new double[][] {
            {0.9, 0.05, 0.05}, {0.2, 0.7, 0.1}, {0.1, 0.6, 0.3}, {0.9, 0.05, 0.05}, {0.1, 0.1, 0.8}, {0.9, 0.05, 0.05}});
        List<TokenSpan> spans = CtcAligner.align(s, new int[] {1, 2}, BLANK);
        assertEquals(2, spans.size());
        assertEquals(new TokenSpan(1, 1, 2, 0.0), withoutProbability(spans.get(0)));
        assertEquals(0.7 + 0.6, spans.get(0).probability(), 1e-6);
        assertEquals(new TokenSpan(2, 4, 4, 0.0), withoutProbability(spans.get(1)));
        assertEquals(0.8, spans.get(1).probability(), 1e-6);
    }

    @Test
    void theAlignmentOfABeamResultFindsTheBestPathForThatSpelling() {
        CtcScores s = scores(new double[][] {{0.6, 0.4}, {0.6, 0.4}});
        List<TokenSpan> spans = CtcAligner.align(s, new PrefixBeamSearch(4).decode(s, BLANK), BLANK);
        // best single path spelling "a": a_ and _a tie at 0.24; either way one frame, probability 0.4
        assertEquals(1, spans.size());
        assertEquals(1, spans.get(0).frames());
        assertEquals(0.4, spans.get(0).probability(), 1e-6);
    }

    @Test
    void logitsBecomeLogProbabilities() {
        CtcScores s = CtcScores.of(new float[] {1f, 2f, 3f}, 1, 3, "logits", 0.02);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(3) / z, s.probability(0, 2), 1e-6);
        assertEquals(2, s.best(0));
    }

    private static TokenSpan withoutProbability(TokenSpan s) {
        return new TokenSpan(s.token(), s.first(), s.last(), 0.0);
    }
}
