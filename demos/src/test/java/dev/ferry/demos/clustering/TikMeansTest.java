package dev.ferry.demos.clustering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.demo.JobCancelledException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Transformation-invariant k-means on shapes the test draws, each copy shifted, turned by any
 * angle and scaled: the classes are found when alignment may rotate and scale, and mostly
 * not when it may not, which shows the invariance is what does the work.
 */
class TikMeansTest {
    static final int SIZE = 64;
    static final int CLASSES = 6;
    static List<ShapeSet.Sample> samples;
    static List<float[]> inks;

    @BeforeAll
    static void draw() {
        samples = ShapeSet.generate(CLASSES, 15, SIZE, ShapeSet.Variation.STRONG, 11);
        inks = samples.stream().map(s -> Shapes.ink(s, SIZE)).toList();
    }

    @Test
    void similarityFindsTheShapeClassesAndIdentityDoesNot() {
        double similarity = purity(Transformation.SIMILARITY);
        double identity = purity(Transformation.IDENTITY);

        assertTrue(similarity >= 0.95, "purity with similarity alignment: " + similarity);
        assertTrue(identity <= similarity - 0.25, "purity without alignment " + identity + ", with " + similarity);
    }

    @Test
    void theSameSeedGivesExactlyTheSameResultOnOneThreadOrMany() {
        TikMeans.Result one = run(Transformation.AFFINE, new Parallel(1), 3, 5);
        TikMeans.Result many = run(Transformation.AFFINE, new Parallel(4), 3, 5);

        assertEquals(one.loss(), many.loss());
        assertEquals(one.alignments(), many.alignments(), "same clusters, transforms and distances");
        for (int k = 0; k < one.prototypes().size(); k++) {
            assertArrayEquals(one.prototypes().get(k), many.prototypes().get(k));
        }
        TikMeans.Result otherSeed = run(Transformation.AFFINE, new Parallel(2), 4, 5);
        assertTrue(!otherSeed.loss().get(0).equals(one.loss().get(0)), "another seed starts elsewhere");
    }

    @Test
    void aCancelledRunStopsBetweenTwoAlignments() {
        AtomicInteger asked = new AtomicInteger();
        Aligner aligner = new Aligner(Transformation.SIMILARITY, SIZE, 0.2 * SIZE);
        List<Aligner.Item> items = inks.stream().map(aligner::item).toList();
        try (Parallel parallel = new Parallel(2)) {
            TikMeans means = new TikMeans(aligner, items, parallel, () -> asked.incrementAndGet() > 500);
            assertThrows(JobCancelledException.class,
                    () -> means.run(new TikMeans.Options(CLASSES, 20, 0, true), (done, total, loss, moved) -> {}));
        }
        assertTrue(asked.get() < 520, "every thread stops at its next check: asked " + asked.get() + " times");
    }

    @Test
    void progressIsToldAfterSeedingAndEveryIteration() {
        Aligner aligner = new Aligner(Transformation.TRANSLATION, SIZE, 0.2 * SIZE);
        List<Aligner.Item> items = inks.subList(0, 30).stream().map(aligner::item).toList();
        StringBuilder told = new StringBuilder();
        TikMeans.Result r;
        try (Parallel parallel = new Parallel(2)) {
            r = new TikMeans(aligner, items, parallel, () -> false).run(new TikMeans.Options(4, 3, 0, false),
                    (done, total, loss, moved) -> told.append(done).append('/').append(total).append(' '));
        }
        assertEquals("0/3 1/3 2/3 3/3 ", told.toString());
        assertEquals(4, r.loss().size());
        assertTrue(r.loss().get(3) <= r.loss().get(0), r.loss().toString());
    }

    private static double purity(Transformation family) {
        TikMeans.Result r = run(family, new Parallel(2), 0, 20);
        int[] clusters = r.alignments().stream().mapToInt(Aligner.Alignment::prototype).toArray();
        return ClusteringBenchmark.purity(samples, clusters, CLASSES);
    }

    private static TikMeans.Result run(Transformation family, Parallel parallel, long seed, int iterations) {
        Aligner aligner = new Aligner(family, SIZE, 0.2 * SIZE);
        try (parallel) {
            List<Aligner.Item> items = inks.stream().map(aligner::item).toList();
            return new TikMeans(aligner, items, parallel, () -> false)
                    .run(new TikMeans.Options(CLASSES, iterations, seed, true), (done, total, loss, moved) -> {});
        }
    }
}
