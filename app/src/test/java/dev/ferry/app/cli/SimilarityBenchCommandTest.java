package dev.ferry.app.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ferry bench similarity} as an operator runs it, on small sizes. */
class SimilarityBenchCommandTest {
    @Test
    void printsARowPerEngineAndSizeWithHnswsRecall() {
        String out = ClusteringBenchCommandTest.run(0, "bench", "similarity", "--images", "20,40", "--topk", "5");

        assertTrue(out.contains("similarity: all against all, top 5, vectors from images through the pooled-grid"), out);
        for (String n : new String[] {"20", "40"}) {
            assertTrue(out.lines().anyMatch(l -> l.matches("\\| " + n + " \\| embedding, exact \\|( [0-9.]+ s \\|){4} exact \\|")), out);
            assertTrue(out.lines().anyMatch(l -> l.matches("\\| " + n + " \\| embedding, HNSW \\|( [0-9.]+ s \\|){4} 1\\.0000 \\|")),
                    out);
            assertTrue(out.contains("| " + n + " | local features | not measured |"), out);
        }
        assertTrue(out.lines().anyMatch(l -> l.matches("load average -?[0-9.]+ before, -?[0-9.]+ after, \\d+ cores")), out);
    }

    @Test
    void measuresTheLocalFeaturesEngineOnLineDrawingsFindingEveryPlantedCopy() {
        String out = ClusteringBenchCommandTest.run(0, "bench", "similarity", "--engine", "local", "--images", "20,30",
                "--topk", "3");

        assertTrue(out.contains("similarity: all against all, top 3, local features on line drawings with planted copies"), out);
        for (String n : new String[] {"20", "30"}) {
            assertTrue(out.lines().anyMatch(l -> l.matches("\\| " + n + " \\| local features \\|( [0-9.]+ s \\|){4} 1\\.0000 \\|")),
                    out);
        }
        assertTrue(out.lines().noneMatch(l -> l.contains("embedding")), out);
    }

    @Test
    void refusesAnUnknownEngine() {
        ClusteringBenchCommandTest.run(2, "bench", "similarity", "--engine", "neural");
    }

    @Test
    void refusesATopKBelowOne() {
        ClusteringBenchCommandTest.run(2, "bench", "similarity", "--topk", "0");
    }
}
