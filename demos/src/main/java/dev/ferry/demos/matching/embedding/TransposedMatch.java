package dev.ferry.demos.matching.embedding;

/** An indexed image found for a query: its id, the best cosine over the transpositions, and the query's transposition that gave it. */
public record TransposedMatch(int id, double score, String transposition) {}
