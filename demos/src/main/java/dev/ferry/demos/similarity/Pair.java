package dev.ferry.demos.similarity;

import dev.ferry.demos.matching.Candidate;
import dev.ferry.demos.matching.PointPair;
import dev.ferry.demos.matching.Transposition;
import java.util.List;

/**
 * Two images found alike, {@code i} before {@code j} in the index: turning image i by
 * {@code trI} (and j by {@code trJ}, always none here) brings them into one orientation.
 */
record Pair(int i, int j, double score, Transposition trI, Transposition trJ, List<PointPair> inliers) {

    /** The pair of a query and one of its candidates, ordered as the index orders them. */
    static Pair of(int query, Candidate c) {
        if (query < c.image()) {
            return new Pair(query, c.image(), c.score(), c.transposition(), Transposition.NONE, c.inliers());
        }
        List<PointPair> swapped = c.inliers().stream().map(PointPair::swapped).toList();
        return new Pair(c.image(), query, c.score(), c.transposition().inverse(), Transposition.NONE, swapped);
    }

    /** The picture of this pair, relative to the outputs. */
    String picture() {
        return "pairs/" + i + "_" + j + ".jpg";
    }
}
