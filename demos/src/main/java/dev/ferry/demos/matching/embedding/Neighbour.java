package dev.ferry.demos.matching.embedding;

/** One hit of an index search: the indexed vector's id (its row) and its cosine similarity to the query. */
public record Neighbour(int id, double score) {}
