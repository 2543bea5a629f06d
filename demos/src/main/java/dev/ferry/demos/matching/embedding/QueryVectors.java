package dev.ferry.demos.matching.embedding;

import java.util.List;

/** A query image's unit vectors, one per transposition tried, in the same order as their names. */
public record QueryVectors(List<String> transpositions, List<float[]> vectors) {
    public QueryVectors {
        if (transpositions.size() != vectors.size() || vectors.isEmpty()) {
            throw new IllegalArgumentException("one vector per transposition, at least one");
        }
    }
}
