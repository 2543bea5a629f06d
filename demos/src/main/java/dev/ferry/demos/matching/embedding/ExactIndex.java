package dev.ferry.demos.matching.embedding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Exact cosine search: the vectors in one flat row-major matrix, scanned with one dot product
 * per row. Equal scores rank by row number, so answers do not depend on anything but the data.
 */
public final class ExactIndex implements EmbeddingIndex {
    /** Worst first, so the queue's head is the one a better hit evicts. */
    private static final Comparator<Neighbour> WORST_FIRST =
            Comparator.comparingDouble(Neighbour::score).thenComparing(Neighbour::id, Comparator.reverseOrder());

    private final float[] matrix;
    private final int rows;
    private final int dimension;

    public ExactIndex(float[][] vectors) {
        rows = vectors.length;
        dimension = rows == 0 ? 0 : vectors[0].length;
        matrix = new float[rows * dimension];
        for (int i = 0; i < rows; i++) {
            if (vectors[i].length != dimension) {
                throw new IllegalArgumentException("vectors of different lengths: " + dimension + " and " + vectors[i].length);
            }
            System.arraycopy(vectors[i], 0, matrix, i * dimension, dimension);
        }
    }

    @Override
    public List<Neighbour> search(float[] query, int k) {
        PriorityQueue<Neighbour> best = new PriorityQueue<>(Math.max(1, k + 1), WORST_FIRST);
        for (int row = 0; row < rows && k > 0; row++) {
            Neighbour n = new Neighbour(row, Dot.of(query, matrix, row * dimension));
            if (best.size() < k) {
                best.add(n);
            } else if (WORST_FIRST.compare(n, best.peek()) > 0) {
                best.poll();
                best.add(n);
            }
        }
        List<Neighbour> out = new ArrayList<>(best);
        out.sort(WORST_FIRST.reversed());
        return out;
    }

    @Override
    public int size() {
        return rows;
    }

    @Override
    public boolean exact() {
        return true;
    }
}
