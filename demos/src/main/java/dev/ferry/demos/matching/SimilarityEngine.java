package dev.ferry.demos.matching;

import java.util.List;
import java.util.function.IntPredicate;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds, for a query image, the images of a set most like it. Images are added once, in
 * order, and numbered from 0; the engine keeps what it needs of each (descriptors, vectors),
 * never the image. Local features verify pairs geometrically; an embedding engine compares
 * global vectors, and may hand its shortlist to a {@link Reranker}.
 */
public interface SimilarityEngine extends AutoCloseable {
    /** Describes image number {@link #size()}; the caller keeps and closes {@code bgr}. */
    void add(Mat bgr);

    /** How many images were added. */
    int size();

    /** How many images one job may give the engine: what its memory and its time per image allow. */
    int capacity();

    /**
     * The at most {@code k} images most like {@code query} among those {@code among} accepts
     * (never the query itself), best first; only candidates whose score is at least
     * {@code minScore}.
     */
    List<Candidate> rank(int query, IntPredicate among, int k, double minScore);

    /** Frees what the engine keeps. */
    @Override
    void close();
}
