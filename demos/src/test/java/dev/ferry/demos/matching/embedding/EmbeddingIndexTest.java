package dev.ferry.demos.matching.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The exact index against a full sort of every score, and the HNSW index against the exact one.
 * HNSW here is deterministic (levels come from a hash of the id, vectors go in one by one), so
 * its recall is one fixed number per data set, and the bound below cannot flake.
 */
class EmbeddingIndexTest {
    @Test
    void theExactIndexAnswersWhatSortingEveryScoreAnswers() {
        float[][] vectors = UnitVectors.random(500, 24, 1);
        ExactIndex index = new ExactIndex(vectors);
        for (int q = 0; q < 20; q++) {
            float[] query = vectors[q * 7];
            List<Integer> sorted = IntStream.range(0, vectors.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -dot(query, vectors[i]))).limit(10).toList();

            List<Neighbour> found = index.search(query, 10);

            assertEquals(sorted, found.stream().map(Neighbour::id).toList());
            assertEquals(q * 7, found.get(0).id(), "a vector is its own nearest");
            assertEquals(1.0, found.get(0).score(), 1e-5);
            assertEquals(dot(query, vectors[found.get(5).id()]), found.get(5).score(), 1e-5);
        }
        assertEquals(500, index.search(vectors[0], 900).size(), "k above the size answers everything");
    }

    @Test
    void upToTheThresholdTheIndexIsExactAndAboveItApproximate() {
        float[][] atThreshold = UnitVectors.random(EmbeddingIndex.EXACT_UP_TO, 8, 2);
        EmbeddingIndex small = EmbeddingIndex.of(atThreshold);
        assertTrue(small.exact());
        ExactIndex reference = new ExactIndex(atThreshold);
        for (int q = 0; q < 50; q++) {
            assertEquals(reference.search(atThreshold[q], 20), small.search(atThreshold[q], 20));
        }
        assertFalse(EmbeddingIndex.of(UnitVectors.random(EmbeddingIndex.EXACT_UP_TO + 1, 8, 3)).exact());
    }

    @Test
    void hnswFindsAtLeast95PercentOfTheExactTop10OnRandomVectors() {
        float[][] vectors = UnitVectors.random(3000, 32, 4);
        ApproximateIndex approximate = new ApproximateIndex(vectors);
        ExactIndex exact = new ExactIndex(vectors);

        double recall = recall(approximate, exact, UnitVectors.random(200, 32, 5), 10);

        assertTrue(recall >= 0.95, "recall@10 " + recall);
    }

    @Test
    void hnswAnswersTheSameOnEveryBuild() {
        float[][] vectors = UnitVectors.random(1500, 16, 6);
        ApproximateIndex first = new ApproximateIndex(vectors);
        ApproximateIndex second = new ApproximateIndex(vectors);
        for (float[] q : UnitVectors.random(30, 16, 7)) {
            assertEquals(first.search(q, 20), second.search(q, 20));
        }
    }

    @Test
    void scoresComeBestFirst() {
        float[][] vectors = UnitVectors.random(3000, 16, 8);
        for (EmbeddingIndex index : List.of(new ExactIndex(vectors), new ApproximateIndex(vectors))) {
            double[] scores = index.search(vectors[3], 20).stream().mapToDouble(Neighbour::score).toArray();
            double[] sorted = scores.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                assertEquals(sorted[sorted.length - 1 - i], scores[i]);
            }
        }
    }

    static double recall(EmbeddingIndex approximate, EmbeddingIndex exact, float[][] queries, int k) {
        int found = 0;
        for (float[] q : queries) {
            Set<Integer> truth = new HashSet<>(exact.search(q, k).stream().map(Neighbour::id).toList());
            found += (int) approximate.search(q, k).stream().filter(n -> truth.contains(n.id())).count();
        }
        return (double) found / (queries.length * k);
    }

    private static double dot(float[] a, float[] b) {
        return IntStream.range(0, a.length).mapToDouble(i -> a[i] * b[i]).sum();
    }
}
