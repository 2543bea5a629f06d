package dev.ferry.demos.matching.embedding;

import java.util.List;

/**
 * Nearest neighbours by cosine among unit vectors, each known by its row number. Below
 * {@link #EXACT_UP_TO} vectors the search is exact; above it an HNSW graph answers, because
 * exact all-against-all search grows with the square of the collection while the graph's build
 * and searches grow little faster than linearly (docs/benchmarks.md, {@code ## similarity},
 * measured the crossing).
 */
public interface EmbeddingIndex {
    /** The largest collection searched exactly. */
    int EXACT_UP_TO = 10_000;

    /** The {@code k} vectors most like {@code query} (a unit vector), best first; fewer when the index holds fewer. */
    List<Neighbour> search(float[] query, int k);

    int size();

    /** Whether {@link #search} answers exactly. */
    boolean exact();

    /** An exact index for up to {@link #EXACT_UP_TO} vectors, an HNSW index above; {@code vectors} are unit vectors. */
    static EmbeddingIndex of(float[][] vectors) {
        return vectors.length <= EXACT_UP_TO ? new ExactIndex(vectors) : new ApproximateIndex(vectors);
    }
}
