package dev.ferry.demos.matching;

import java.util.List;
import java.util.function.IntPredicate;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A fast engine's shortlist verified by local features: both engines see every image; a query's
 * {@code shortlist} best candidates from the first are re-scored by the reranker, which drops
 * those it cannot verify, and the best {@code k} of what remains are kept.
 */
public final class RerankedEngine implements SimilarityEngine {
    private final SimilarityEngine first;
    private final LocalFeaturesEngine verifier;
    private final int shortlist;

    /** @param shortlist how many of the first engine's candidates are verified, at least the job's top k */
    public RerankedEngine(SimilarityEngine first, LocalFeaturesEngine verifier, int shortlist) {
        this.first = first;
        this.verifier = verifier;
        this.shortlist = shortlist;
    }

    @Override
    public void add(Mat bgr) {
        first.add(bgr);
        verifier.add(bgr);
    }

    @Override
    public int size() {
        return first.size();
    }

    @Override
    public int capacity() {
        return Math.min(first.capacity(), verifier.capacity());
    }

    @Override
    public List<Candidate> rank(int query, IntPredicate among, int k, double minScore) {
        List<Candidate> candidates = first.rank(query, among, Math.max(k, shortlist), 0);
        List<Candidate> verified = verifier.rerank(query, candidates, minScore);
        return verified.subList(0, Math.min(k, verified.size()));
    }

    @Override
    public void close() {
        try (verifier) {
            first.close();
        }
    }
}
