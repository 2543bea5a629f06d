package dev.ferry.demos.matching.embedding;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.matching.Candidate;
import dev.ferry.demos.matching.SimilarityEngine;
import dev.ferry.demos.matching.Transposition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The similarity engine of global vectors: each image is embedded once as it is and once under
 * each other transposition asked (its vectors as a query), the index is built over the plain
 * vectors when the first query is ranked, and a candidate's score is its best cosine over the
 * query's transpositions (negative cosines count as 0). Nothing is verified: {@link Candidate#inliers()}
 * stay empty unless a reranker verifies the shortlist.
 */
public final class EmbeddingEngine implements SimilarityEngine {
    /** Vectors, not descriptors, are kept: 20,000 images of 512 values under six transpositions are about 250 MB. */
    private static final int CAPACITY = 20_000;

    private final ImageEmbedder embedder;
    private final List<Transposition> transpositions;
    private final List<float[]> plain = new ArrayList<>();
    private final List<QueryVectors> queries = new ArrayList<>();
    private EmbeddingIndex index;

    public EmbeddingEngine(ImageEmbedder embedder, Set<Transposition> transpositions) {
        this.embedder = embedder;
        this.transpositions = List.copyOf(transpositions);
    }

    @Override
    public void add(Mat bgr) {
        try {
            QueryVectors vectors = embedder.embedQuery(bgr, transpositions);
            plain.add(vectors.plain().isPresent() ? vectors.plain().get() : embedder.embed(bgr));
            queries.add(vectors);
            index = null;
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed on image " + (plain.size() + 1) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public int size() {
        return plain.size();
    }

    @Override
    public int capacity() {
        return CAPACITY;
    }

    @Override
    public List<Candidate> rank(int query, IntPredicate among, int k, double minScore) {
        if (index == null) {
            index = EmbeddingIndex.of(plain.toArray(float[][]::new));
        }
        return TransposedSearch.nearest(index, queries.get(query), k, id -> id != query && among.test(id)).stream()
                .map(m -> new Candidate(m.id(), Math.max(0, m.score()), m.transposition(), List.of()))
                .filter(c -> c.score() >= minScore)
                .toList();
    }

    /** Whether the index ranked with is exact (below {@link EmbeddingIndex#EXACT_UP_TO} images). */
    public boolean exact() {
        return index == null ? plain.size() <= EmbeddingIndex.EXACT_UP_TO : index.exact();
    }

    @Override
    public void close() {
        plain.clear();
        queries.clear();
        index = null;
    }
}
