package dev.ferry.demos.matching.embedding;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.matching.Candidate;
import dev.ferry.demos.matching.CorpusEngine;
import dev.ferry.demos.matching.Transposition;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The similarity engine of global vectors: each image is embedded once as it is and once under
 * each other transposition asked (its vectors as a query), the index is built over the plain
 * vectors when the first query is ranked, and a candidate's score is its best cosine over the
 * query's transpositions (negative cosines count as 0). Nothing is verified: {@link Candidate#inliers()}
 * stay empty unless a reranker verifies the shortlist. A candidate-only image is embedded once,
 * as it is.
 */
public final class EmbeddingEngine implements CorpusEngine {
    /** Vectors, not descriptors, are kept: 20,000 images of 512 values under six transpositions are about 250 MB. */
    private static final int CAPACITY = 20_000;

    private final ImageEmbedder embedder;
    private final List<Transposition> transpositions;
    private final List<float[]> plain = new ArrayList<>();
    /** By image number: every image but the candidates-only. */
    private final Map<Integer, QueryVectors> queries = new HashMap<>();
    private EmbeddingIndex index;

    public EmbeddingEngine(ImageEmbedder embedder, Set<Transposition> transpositions) {
        this.embedder = embedder;
        this.transpositions = List.copyOf(transpositions);
    }

    @Override
    public void add(Mat bgr) {
        try {
            QueryVectors vectors = embedder.embedQuery(bgr, transpositions);
            queries.put(plain.size(), vectors);
            keep(vectors.plain().isPresent() ? vectors.plain().get() : embedder.embed(bgr));
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed on image " + (plain.size() + 1) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void addCandidate(Mat bgr) {
        try {
            keep(embedder.embed(bgr));
        } catch (OrtException e) {
            throw new IllegalStateException("the embedding model failed on image " + (plain.size() + 1) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void writeCandidate(int image, DataOutputStream out) throws IOException {
        float[] vector = plain.get(image);
        out.writeInt(vector.length);
        for (float v : vector) {
            out.writeFloat(v);
        }
    }

    @Override
    public void readCandidate(DataInputStream in) throws IOException {
        float[] vector = new float[in.readInt()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = in.readFloat();
        }
        keep(vector);
    }

    private void keep(float[] vector) {
        plain.add(vector);
        index = null;
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
        QueryVectors vectors = queries.get(query);
        if (vectors == null) {
            throw new IllegalArgumentException("image " + query + " was added as a candidate only");
        }
        return TransposedSearch.nearest(index, vectors, k, id -> id != query && among.test(id)).stream()
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
