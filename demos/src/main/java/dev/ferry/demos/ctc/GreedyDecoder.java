package dev.ferry.demos.ctc;

import java.util.Arrays;

/** The best token of each frame, repeats collapsed and blanks dropped: fast, and as good as a beam without a language model most of the time. */
public final class GreedyDecoder implements CtcDecoder {
    @Override
    public int[] decode(CtcScores scores, int blank) {
        int[] out = new int[scores.frames()];
        int n = 0;
        int previous = blank;
        for (int t = 0; t < scores.frames(); t++) {
            int token = scores.best(t);
            if (token != blank && token != previous) {
                out[n++] = token;
            }
            previous = token;
        }
        return Arrays.copyOf(out, n);
    }
}
