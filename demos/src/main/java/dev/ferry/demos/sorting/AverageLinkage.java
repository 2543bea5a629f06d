package dev.ferry.demos.sorting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups unit feature vectors into exactly {@code k} clusters by agglomerative clustering with
 * average linkage on cosine distance: every vector starts alone, and the two clusters whose
 * members are closest on average merge until {@code k} remain. A session holds tens of items,
 * so the cubic cost is nothing, and unlike k-means the answer needs no seed: the same photos
 * always give the same groups.
 */
final class AverageLinkage {
    private AverageLinkage() {}

    /** @return per vector, its cluster, numbered in the order of each cluster's first vector */
    static int[] cluster(List<float[]> vectors, int k) {
        List<List<Integer>> clusters = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            clusters.add(new ArrayList<>(List.of(i)));
        }
        double[][] distance = distances(vectors);
        while (clusters.size() > Math.max(1, k)) {
            int bestA = 0;
            int bestB = 1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < clusters.size(); a++) {
                for (int b = a + 1; b < clusters.size(); b++) {
                    double d = linkage(clusters.get(a), clusters.get(b), distance);
                    if (d < best) {
                        best = d;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            clusters.get(bestA).addAll(clusters.remove(bestB));
        }
        int[] labels = new int[vectors.size()];
        clusters.sort(Comparator.comparing(c -> c.stream().mapToInt(Integer::intValue).min().orElse(0)));
        for (int c = 0; c < clusters.size(); c++) {
            for (int member : clusters.get(c)) {
                labels[member] = c;
            }
        }
        return labels;
    }

    private static double linkage(List<Integer> a, List<Integer> b, double[][] distance) {
        double sum = 0;
        for (int i : a) {
            for (int j : b) {
                sum += distance[i][j];
            }
        }
        return sum / (a.size() * b.size());
    }

    private static double[][] distances(List<float[]> vectors) {
        int n = vectors.size();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dot = 0;
                float[] x = vectors.get(i);
                float[] y = vectors.get(j);
                for (int t = 0; t < x.length; t++) {
                    dot += (double) x[t] * y[t];
                }
                d[i][j] = d[j][i] = 1 - dot;
            }
        }
        return d;
    }
}
