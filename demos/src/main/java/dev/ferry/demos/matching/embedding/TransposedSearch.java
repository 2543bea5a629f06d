package dev.ferry.demos.matching.embedding;

import dev.ferry.demos.matching.Transposition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A query's top-k over all its transpositions: each transposed vector is searched, and each
 * image found keeps its best score and the transposition that gave it (on a tie, the first in
 * the query's order, so {@code none} wins when listed first).
 */
public final class TransposedSearch {
    /** Best first; equal scores by id, so the order depends on the data only. */
    private static final Comparator<TransposedMatch> BEST_FIRST =
            Comparator.comparingDouble(TransposedMatch::score).reversed().thenComparingInt(TransposedMatch::id);

    private TransposedSearch() {}

    /**
     * @param self the query's own id in {@code index}, left out of the answer, or −1 when the
     *             query is not in the index
     */
    public static List<TransposedMatch> nearest(EmbeddingIndex index, QueryVectors query, int k, int self) {
        return nearest(index, query, k, id -> id != self);
    }

    /**
     * As {@link #nearest(EmbeddingIndex, QueryVectors, int, int)}, among the ids {@code accepted}
     * takes: the index is asked for as many more neighbours as it holds ids refused, so an exact
     * index stays exact.
     */
    public static List<TransposedMatch> nearest(EmbeddingIndex index, QueryVectors query, int k, IntPredicate accepted) {
        int refused = (int) IntStream.range(0, index.size()).filter(accepted.negate()).count();
        int asked = Math.min(index.size(), k + refused);
        Map<Integer, TransposedMatch> best = new LinkedHashMap<>();
        for (int t = 0; t < query.vectors().size(); t++) {
            Transposition turn = query.transpositions().get(t);
            for (Neighbour n : index.search(query.vectors().get(t), asked)) {
                TransposedMatch seen = best.get(n.id());
                if (accepted.test(n.id()) && (seen == null || n.score() > seen.score())) {
                    best.put(n.id(), new TransposedMatch(n.id(), n.score(), turn));
                }
            }
        }
        List<TransposedMatch> out = new ArrayList<>(best.values());
        out.sort(BEST_FIRST);
        return out.subList(0, Math.min(k, out.size()));
    }
}
