package dev.ferry.demos.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * k-means on unit feature vectors (squared Euclidean distance, which on unit vectors is twice
 * the cosine distance): greedy k-means++ seeding, Lloyd iterations, empty clusters re-seeded
 * with the worst-fitting vector. One seeded generator, sums in item order: deterministic.
 */
final class VectorKMeans {
    /**
     * @param labels per item, its cluster
     * @param loss   mean squared distance after seeding and after each iteration
     */
    record Result(int[] labels, float[][] centres, List<Double> loss, boolean converged, int iterations) {}

    private VectorKMeans() {}

    static Result run(float[][] vectors, int clusters, int iterations, long seed, BooleanSupplier cancelled,
                      TikMeans.Listener listener) {
        int n = vectors.length;
        int k = Math.min(clusters, n);
        float[][] centres = seed(vectors, k, new SplittableRandom(seed));
        int[] labels = new int[n];
        double[] distances = new double[n];
        List<Double> loss = new ArrayList<>();
        loss.add(assign(vectors, centres, labels, distances));
        listener.iteration(0, iterations, loss.get(0), n);
        boolean converged = false;
        int done = 0;
        while (done < iterations && !converged) {
            if (cancelled.getAsBoolean()) {
                throw new dev.ferry.core.demo.JobCancelledException("clustering cancelled");
            }
            int[] before = labels.clone();
            centres = update(vectors, labels, distances, k);
            double now = assign(vectors, centres, labels, distances);
            int moved = 0;
            for (int i = 0; i < n; i++) {
                moved += before[i] == labels[i] ? 0 : 1;
            }
            double previous = loss.get(loss.size() - 1);
            loss.add(now);
            done++;
            listener.iteration(done, iterations, now, moved);
            converged = moved == 0 && previous - now <= TikMeans.CONVERGED * previous;
        }
        return new Result(labels, centres, loss, converged, done);
    }

    static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }

    private static double assign(float[][] vectors, float[][] centres, int[] labels, double[] distances) {
        double sum = 0;
        for (int i = 0; i < vectors.length; i++) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double d = distance(vectors[i], centres[c]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            labels[i] = best;
            distances[i] = bestDistance;
            sum += bestDistance;
        }
        return sum / vectors.length;
    }

    private static float[][] update(float[][] vectors, int[] labels, double[] distances, int k) {
        int dim = vectors[0].length;
        float[][] sums = new float[k][dim];
        int[] counts = new int[k];
        for (int i = 0; i < vectors.length; i++) {
            counts[labels[i]]++;
            for (int j = 0; j < dim; j++) {
                sums[labels[i]][j] += vectors[i][j];
            }
        }
        boolean[] taken = new boolean[vectors.length];
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                int worst = -1;
                for (int i = 0; i < vectors.length; i++) {
                    if (!taken[i] && counts[labels[i]] > 1 && (worst < 0 || distances[i] > distances[worst])) {
                        worst = i;
                    }
                }
                taken[worst] = true;
                counts[labels[worst]]--;
                sums[c] = vectors[worst].clone();
                counts[c] = 1;
            } else {
                for (int j = 0; j < dim; j++) {
                    sums[c][j] /= counts[c];
                }
            }
        }
        return sums;
    }

    private static float[][] seed(float[][] vectors, int k, SplittableRandom random) {
        int n = vectors.length;
        float[][] centres = new float[k][];
        centres[0] = vectors[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = distance(vectors[i], centres[0]);
        }
        int draws = 2 + (int) Math.log(k);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : nearest) {
                total += d;
            }
            int bestPick = -1;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int d = 0; d < draws; d++) {
                int pick = total > 0 ? WeightedDraw.index(nearest, total * random.nextDouble()) : random.nextInt(n);
                double potential = 0;
                for (int i = 0; i < n; i++) {
                    potential += Math.min(nearest[i], distance(vectors[i], vectors[pick]));
                }
                if (potential < bestPotential) {
                    bestPotential = potential;
                    bestPick = pick;
                }
            }
            centres[c] = vectors[bestPick].clone();
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(vectors[i], centres[c]));
            }
        }
        return centres;
    }
}
