package dev.ferry.demos.matching;

import java.util.List;

/**
 * An image found like a query image, as an engine ranks it.
 *
 * @param image         the candidate's number in the set the engine was given, from 0
 * @param score         higher is more alike; each engine says how it is computed, in [0, 1]
 * @param transposition what turns the query into the candidate's orientation
 * @param inliers       the matched points that verify the pair; empty for an engine that does not verify
 */
public record Candidate(int image, double score, Transposition transposition, List<PointPair> inliers) {}
