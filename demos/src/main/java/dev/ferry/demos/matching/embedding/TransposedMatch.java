package dev.ferry.demos.matching.embedding;

import dev.ferry.demos.matching.Transposition;

/** An indexed image found for a query: its id, the best cosine over the transpositions, and the query's transposition that gave it. */
public record TransposedMatch(int id, double score, Transposition transposition) {}
