package dev.ferry.demos.sign;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a long video: each window's most likely label, consecutive windows with the
 * same label merged into one word spanning them (its probability the highest among them).
 * Windows whose best label is below {@code minProbability} are gaps, not words.
 */
final class Timeline {
    private Timeline() {
    }

    static List<SignedWord> of(List<WindowReport> windows, double minProbability) {
        List<SignedWord> words = new ArrayList<>();
        SignedWord open = null;
        for (WindowReport w : windows) {
            Guess best = w.topK().get(0);
            if (best.probability() < minProbability) {
                open = close(open, words);
                continue;
            }
            if (open != null && open.label().equals(best.label())) {
                open = new SignedWord(open.label(), open.startSeconds(), w.endSeconds(),
                        Math.max(open.probability(), best.probability()), open.windows() + 1);
            } else {
                close(open, words);
                open = new SignedWord(best.label(), w.startSeconds(), w.endSeconds(), best.probability(), 1);
            }
        }
        close(open, words);
        return words;
    }

    private static SignedWord close(SignedWord open, List<SignedWord> words) {
        if (open != null) {
            words.add(open);
        }
        return null;
    }
}
