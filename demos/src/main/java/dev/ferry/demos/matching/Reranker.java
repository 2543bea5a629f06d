package dev.ferry.demos.matching;

import java.util.List;

/**
 * Re-scores another engine's shortlist for a query, e.g. an embedding engine's nearest
 * neighbours verified by local features: the order and scores become the reranker's, and
 * candidates it cannot verify are dropped.
 */
@FunctionalInterface
public interface Reranker {
    /** @param shortlist candidates of image {@code query}, from another engine over the same numbered images */
    List<Candidate> rerank(int query, List<Candidate> shortlist, double minScore);
}
