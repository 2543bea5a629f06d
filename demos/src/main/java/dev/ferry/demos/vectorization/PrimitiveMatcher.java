package dev.ferry.demos.vectorization;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores found primitives against drawn ones (the quality tests, and {@code ferry bench
 * vectorization} on its {@link Diagrams}), one to one (each drawn shape matches at most one
 * found shape of its kind, closest first):
 * <ul>
 *   <li>a line matches when both its ends are within {@code tolerance} of the drawn line's ends
 *       (either way round);</li>
 *   <li>a circle when its centre and its radius are each within {@code tolerance};</li>
 *   <li>an arc when its start, its middle and its end points are each within {@code tolerance}
 *       of the drawn arc's — three points fix an arc, as two fix a line, and unlike the centre
 *       they stay well measured on flat arcs.</li>
 * </ul>
 */
final class PrimitiveMatcher {
    private PrimitiveMatcher() {}

    /** Counts for one kind of primitive, or all. */
    record Score(int drawn, int found, int matched) {
        double precision() {
            return found == 0 ? 1 : (double) matched / found;
        }

        double recall() {
            return drawn == 0 ? 1 : (double) matched / drawn;
        }

        Score plus(Score o) {
            return new Score(drawn + o.drawn, found + o.found, matched + o.matched);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "drawn %d, found %d, matched %d: precision %.3f, recall %.3f",
                    drawn, found, matched, precision(), recall());
        }
    }

    static Score score(List<? extends Primitive> drawn, List<? extends Primitive> found, Class<? extends Primitive> kind,
                       double tolerance) {
        List<Primitive> truth = drawn.stream().filter(kind::isInstance).map(p -> (Primitive) p).toList();
        List<Primitive> candidates = new ArrayList<>();
        found.stream().filter(kind::isInstance).forEach(candidates::add);
        int found0 = candidates.size();
        int matched = 0;
        for (Primitive t : truth) {
            Primitive best = null;
            double bestError = Double.MAX_VALUE;
            for (Primitive c : candidates) {
                double e = error(t, c);
                if (e <= tolerance && e < bestError) {
                    best = c;
                    bestError = e;
                }
            }
            if (best != null) {
                candidates.remove(best);
                matched++;
            }
        }
        return new Score(truth.size(), found0, matched);
    }

    /** The largest distance between corresponding defining points (or radii). */
    static double error(Primitive truth, Primitive found) {
        if (truth instanceof Line t && found instanceof Line f) {
            double same = Math.max(apart(t.x1(), t.y1(), f.x1(), f.y1()), apart(t.x2(), t.y2(), f.x2(), f.y2()));
            double swapped = Math.max(apart(t.x1(), t.y1(), f.x2(), f.y2()), apart(t.x2(), t.y2(), f.x1(), f.y1()));
            return Math.min(same, swapped);
        }
        if (truth instanceof Circle t && found instanceof Circle f) {
            return Math.max(Math.hypot(t.cx() - f.cx(), t.cy() - f.cy()), Math.abs(t.r() - f.r()));
        }
        if (truth instanceof Arc t && found instanceof Arc f) {
            double[] tm = t.middle();
            double[] fm = f.middle();
            return Math.max(Math.max(apart(t.x1(), t.y1(), f.x1(), f.y1()), apart(t.x2(), t.y2(), f.x2(), f.y2())),
                    apart(tm[0], tm[1], fm[0], fm[1]));
        }
        return Double.MAX_VALUE;
    }

    private static double apart(double ax, double ay, double bx, double by) {
        return Math.hypot(ax - bx, ay - by);
    }
}
