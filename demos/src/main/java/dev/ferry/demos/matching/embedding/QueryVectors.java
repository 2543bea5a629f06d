package dev.ferry.demos.matching.embedding;

import dev.ferry.demos.matching.Transposition;
import java.util.List;
import java.util.Optional;

/** A query image's unit vectors, one per transposition tried, in the same order as the transpositions. */
public record QueryVectors(List<Transposition> transpositions, List<float[]> vectors) {
    public QueryVectors {
        if (transpositions.size() != vectors.size() || vectors.isEmpty()) {
            throw new IllegalArgumentException("one vector per transposition, at least one");
        }
    }

    /** The vector of the query as it is, when {@code none} was tried. */
    public Optional<float[]> plain() {
        int at = transpositions.indexOf(Transposition.NONE);
        return at < 0 ? Optional.empty() : Optional.of(vectors.get(at));
    }
}
