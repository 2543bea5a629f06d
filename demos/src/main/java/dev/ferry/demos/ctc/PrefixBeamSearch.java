package dev.ferry.demos.ctc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CTC prefix beam search: keeps the {@code width} most probable prefixes, each scored over
 * all the alignments that spell it (ending in a blank or not, so that "aa" stays apart from
 * "a"). Better than greedy when the probability of a spelling is spread over several paths.
 */
public final class PrefixBeamSearch implements CtcDecoder {
    /** Tokens this much less likely (in log) than a frame's best are not tried there. */
    private static final float PRUNE = 12f;

    private final int width;

    public PrefixBeamSearch(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("the beam width must be at least 1");
        }
        this.width = width;
    }

    @Override
    public int[] decode(CtcScores scores, int blank) {
        Prefix root = new Prefix(null, -1);
        root.blank = 0;
        List<Prefix> beams = List.of(root);
        int[] candidates = new int[scores.vocabulary()];
        for (int t = 0; t < scores.frames(); t++) {
            int count = candidates(scores, t, blank, candidates);
            double blankScore = scores.logProb(t, blank);
            List<Prefix> touched = new ArrayList<>();
            for (Prefix p : beams) {
                double total = logAdd(p.blank, p.speech);
                touch(p, t, touched).nextBlank = logAdd(p.nextBlank, total + blankScore);
                if (p.token >= 0) {
                    p.nextSpeech = logAdd(p.nextSpeech, p.speech + scores.logProb(t, p.token));
                }
                for (int i = 0; i < count; i++) {
                    int c = candidates[i];
                    Prefix child = touch(p.child(c), t, touched);
                    double from = c == p.token ? p.blank : total;
                    child.nextSpeech = logAdd(child.nextSpeech, from + scores.logProb(t, c));
                }
            }
            for (Prefix p : touched) {
                p.advance();
            }
            touched.sort(Comparator.comparingDouble(Prefix::score).reversed());
            beams = List.copyOf(touched.subList(0, Math.min(width, touched.size())));
            for (Prefix p : touched.subList(beams.size(), touched.size())) {
                p.drop();
            }
        }
        return beams.get(0).tokens();
    }

    /** The tokens worth extending a prefix with at frame {@code t}. */
    private static int candidates(CtcScores scores, int t, int blank, int[] out) {
        float best = scores.logProb(t, scores.best(t));
        int n = 0;
        for (int v = 0; v < scores.vocabulary(); v++) {
            if (v != blank && scores.logProb(t, v) >= best - PRUNE) {
                out[n++] = v;
            }
        }
        return n;
    }

    private static Prefix touch(Prefix p, int t, List<Prefix> touched) {
        if (p.frame != t) {
            p.frame = t;
            p.nextBlank = Double.NEGATIVE_INFINITY;
            p.nextSpeech = Double.NEGATIVE_INFINITY;
            touched.add(p);
        }
        return p;
    }

    static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /** A prefix: its last token, its parent, and its scores ending in a blank or in its last token. */
    private static final class Prefix {
        final Prefix parent;
        final int token;
        final int length;
        Map<Integer, Prefix> children;
        double blank = Double.NEGATIVE_INFINITY;
        double speech = Double.NEGATIVE_INFINITY;
        double nextBlank;
        double nextSpeech;
        int frame = -1;

        Prefix(Prefix parent, int token) {
            this.parent = parent;
            this.token = token;
            this.length = parent == null ? 0 : parent.length + 1;
        }

        /** The same object for the same extension, so paths that spell one prefix add up in one place. */
        Prefix child(int c) {
            if (children == null) {
                children = new HashMap<>();
            }
            return children.computeIfAbsent(c, k -> new Prefix(this, k));
        }

        void advance() {
            blank = nextBlank;
            speech = nextSpeech;
        }

        /** Out of the beam: forgotten by its parent, so memory does not grow with the frames. */
        void drop() {
            blank = Double.NEGATIVE_INFINITY;
            speech = Double.NEGATIVE_INFINITY;
            if (parent != null && parent.children != null && (children == null || children.isEmpty())) {
                parent.children.remove(token);
            }
        }

        double score() {
            return logAdd(blank, speech);
        }

        int[] tokens() {
            int[] out = new int[length];
            Prefix p = this;
            for (int i = length - 1; i >= 0; i--) {
                out[i] = p.token;
                p = p.parent;
            }
            return out;
        }
    }
}
