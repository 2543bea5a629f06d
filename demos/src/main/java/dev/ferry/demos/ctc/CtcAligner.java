package dev.ferry.demos.ctc;

import java.util.ArrayList;
import java.util.List;

/**
 * The most probable CTC path that spells a given token sequence (Viterbi over blank, token,
 * blank, token... states): which frames emit each token. Word times and confidences come from
 * it, whichever decoder chose the tokens; for greedy decoding it is the greedy path itself.
 */
public final class CtcAligner {
    private CtcAligner() {}

    public static List<TokenSpan> align(CtcScores scores, int[] tokens, int blank) {
        int frames = scores.frames();
        if (tokens.length == 0 || frames == 0) {
            return List.of();
        }
        int states = 2 * tokens.length + 1;
        double[] previous = new double[states];
        double[] current = new double[states];
        byte[] back = new byte[frames * states];
        java.util.Arrays.fill(previous, Double.NEGATIVE_INFINITY);
        previous[0] = scores.logProb(0, blank);
        previous[1] = scores.logProb(0, tokens[0]);
        for (int t = 1; t < frames; t++) {
            for (int s = 0; s < states; s++) {
                int label = label(s, tokens, blank);
                double best = previous[s];
                byte step = 0;
                if (s >= 1 && previous[s - 1] > best) {
                    best = previous[s - 1];
                    step = 1;
                }
                if (s >= 2 && label != blank && label != label(s - 2, tokens, blank) && previous[s - 2] > best) {
                    best = previous[s - 2];
                    step = 2;
                }
                current[s] = best + scores.logProb(t, label);
                back[t * states + s] = step;
            }
            double[] swap = previous;
            previous = current;
            current = swap;
        }
        int state = previous[states - 1] >= previous[states - 2] ? states - 1 : states - 2;
        if (previous[state] == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("the " + frames + " frames cannot spell " + tokens.length + " tokens");
        }
        int[] path = new int[frames];
        for (int t = frames - 1; t >= 0; t--) {
            path[t] = state;
            state -= back[t * states + state];
        }
        return spans(scores, tokens, path);
    }

    private static List<TokenSpan> spans(CtcScores scores, int[] tokens, int[] path) {
        List<TokenSpan> out = new ArrayList<>(tokens.length);
        int t = 0;
        while (t < path.length) {
            if (path[t] % 2 == 0) {
                t++;
                continue;
            }
            int state = path[t];
            int token = tokens[state / 2];
            int first = t;
            double probability = 0;
            while (t < path.length && path[t] == state) {
                probability += scores.probability(t, token);
                t++;
            }
            out.add(new TokenSpan(token, first, t - 1, probability));
        }
        return out;
    }

    private static int label(int state, int[] tokens, int blank) {
        return state % 2 == 0 ? blank : tokens[state / 2];
    }
}
