package dev.ferry.demos.matching.embedding;

import dev.ferry.demos.inference.EmbeddingModel;
import java.util.SplittableRandom;

/** Seeded random unit vectors, Gaussian in every direction: the hardest case for an approximate index. */
final class UnitVectors {
    private UnitVectors() {}

    static float[][] random(int count, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] v = new float[count][dimension];
        for (float[] row : v) {
            for (int j = 0; j < dimension; j++) {
                row[j] = (float) gaussian(random);
            }
            EmbeddingModel.unit(row);
        }
        return v;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
