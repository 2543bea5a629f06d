package dev.ferry.demos.vectorization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a primitive detector's two outputs (the {@code primitives} contract, DETR-style: a
 * fixed set of queries, each a guess at one primitive) into primitives on the image.
 * <ul>
 *   <li>{@code scores [1, Q, C]}: per query a score per label; logits become probabilities by
 *       softmax over the C labels (rows that already are a distribution are kept). A query is
 *       its most probable label; labels other than {@code line}, {@code circle} and {@code arc}
 *       (such as {@code no_object}) mean no primitive.</li>
 *   <li>{@code params [1, Q, P]}, P ≥ 6: per query points normalised to [0, 1] by the input's
 *       width (x) and height (y): a line's ends {@code x1 y1 x2 y2}; a circle's bounding box
 *       {@code x_min y_min x_max y_max}; an arc's start, middle and end points
 *       {@code xs ys xm ym xe ye}. Values past those a class uses are ignored.</li>
 * </ul>
 * Points only, normalised per axis, so the image may be stretched to the input without
 * distorting what is read back: a circle's box maps to the page's box of that circle.
 */
final class PrimitiveDecoder {
    static final int PARAMS = 6;

    private final int line;
    private final int circle;
    private final int arc;

    /** @param labels the contract's labels, in score order; must name line, circle and arc */
    PrimitiveDecoder(List<String> labels) {
        this.line = labels.indexOf("line");
        this.circle = labels.indexOf("circle");
        this.arc = labels.indexOf("arc");
        if (line < 0 || circle < 0 || arc < 0) {
            throw new IllegalArgumentException("its labels " + labels + " must name line, circle and arc");
        }
    }

    /**
     * @param scores    {@code queries × classes} values, query by query
     * @param params    {@code queries × paramsPerQuery} values, query by query
     * @param width     the image's size, to which normalised points are scaled
     * @return primitives scoring at least {@code confidence}, most confident first
     */
    List<Primitive> decode(float[] scores, int classes, float[] params, int paramsPerQuery, int queries,
                           double confidence, int width, int height) {
        List<Primitive> found = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            double[] p = probabilities(scores, q * classes, classes);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            if (p[best] < confidence || best != line && best != circle && best != arc) {
                continue;
            }
            double[] v = new double[PARAMS];
            for (int i = 0; i < PARAMS; i++) {
                double n = params[q * paramsPerQuery + i];
                v[i] = n * (i % 2 == 0 ? width : height);
            }
            if (best == line) {
                found.add(new Line(v[0], v[1], v[2], v[3], p[best]));
            } else if (best == circle) {
                double r = (Math.abs(v[2] - v[0]) + Math.abs(v[3] - v[1])) / 4;
                if (r > 0) {
                    found.add(new Circle((v[0] + v[2]) / 2, (v[1] + v[3]) / 2, r, p[best]));
                }
            } else {
                Arc.through(v[0], v[1], v[2], v[3], v[4], v[5], p[best]).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparingDouble(Primitive::confidence).reversed());
        return found;
    }

    /** Softmax over one query's scores; scores that already form a distribution are kept as they are. */
    static double[] probabilities(float[] scores, int from, int count) {
        double[] p = new double[count];
        double sum = 0;
        boolean distribution = true;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            float s = scores[from + i];
            sum += s;
            distribution &= s >= 0 && s <= 1;
            max = Math.max(max, s);
        }
        if (distribution && Math.abs(sum - 1) < 1e-3) {
            for (int i = 0; i < count; i++) {
                p[i] = scores[from + i];
            }
            return p;
        }
        double total = 0;
        for (int i = 0; i < count; i++) {
            p[i] = Math.exp(scores[from + i] - max);
            total += p[i];
        }
        for (int i = 0; i < count; i++) {
            p[i] /= total;
        }
        return p;
    }
}
