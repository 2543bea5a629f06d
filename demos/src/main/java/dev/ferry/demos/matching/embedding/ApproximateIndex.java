package dev.ferry.demos.matching.embedding;

import com.github.jelmerk.knn.DistanceFunction;
import com.github.jelmerk.knn.Item;
import com.github.jelmerk.knn.SearchResult;
import com.github.jelmerk.knn.hnsw.HnswIndex;
import java.util.List;

/**
 * Approximate cosine search through an HNSW graph (hnswlib-core). Vectors are inserted one by
 * one in row order: the library draws each node's level from a hash of its id, so a graph built
 * this way, and every answer it gives, is the same on every run.
 */
public final class ApproximateIndex implements EmbeddingIndex {
    /** Links per node; 16 is the HNSW paper's choice for vectors of hundreds of dimensions. */
    static final int M = 16;
    static final int EF_CONSTRUCTION = 200;
    /**
     * Candidates kept while searching (at least k). With 50, recall@20 on the benchmark's
     * pictures is 0.96 at 10 000 images; 200 gives 0.998 for 4.5 times the search (docs/benchmarks.md).
     */
    static final int EF = 50;

    /** {@code 1 − cos} of unit vectors, the library's inner-product distance with a faster dot product. */
    private static final DistanceFunction<float[], Float> DISTANCE = (a, b) -> 1 - Dot.of(a, b, 0);

    private final HnswIndex<Integer, float[], Row, Float> graph;

    public ApproximateIndex(float[][] vectors) {
        int dimension = vectors.length == 0 ? 1 : vectors[0].length;
        graph = HnswIndex.newBuilder(dimension, DISTANCE, Math.max(1, vectors.length))
                .withM(M).withEfConstruction(EF_CONSTRUCTION).withEf(EF).build();
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != dimension) {
                throw new IllegalArgumentException("vectors of different lengths: " + dimension + " and " + vectors[i].length);
            }
            graph.add(new Row(i, vectors[i]));
        }
    }

    @Override
    public List<Neighbour> search(float[] query, int k) {
        if (k <= 0 || graph.size() == 0) {
            return List.of();
        }
        List<SearchResult<Row, Float>> found = graph.findNearest(query, k);
        return found.stream().map(r -> new Neighbour(r.item().id(), 1 - r.distance())).toList();
    }

    @Override
    public int size() {
        return graph.size();
    }

    @Override
    public boolean exact() {
        return false;
    }

    /** One indexed vector; the library requires items to be serialisable. */
    record Row(Integer id, float[] vector) implements Item<Integer, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }
}
