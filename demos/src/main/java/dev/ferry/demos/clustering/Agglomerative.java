package dev.ferry.demos.clustering;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.JobCancelledException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Agglomerative clustering of unit vectors with average linkage on cosine distance: start
 * with every vector alone, merge the two closest clusters while they are closer than the
 * threshold. The number of clusters follows from the threshold. Distances live in one
 * {@code n × n} matrix, updated in place by the Lance–Williams rule, with each cluster's
 * nearest neighbour cached so a merge costs O(n) most of the time.
 */
final class Agglomerative {
    /** Most vectors: the distance matrix then takes 100 MB. */
    static final int MAX_ITEMS = 5000;

    /** @param merges the distance of each merge, in order */
    record Result(int[] labels, int clusters, List<Double> merges) {}

    private Agglomerative() {}

    static Result run(float[][] vectors, double threshold, BooleanSupplier cancelled) {
        int n = vectors.length;
        if (n > MAX_ITEMS) {
            throw DemoFailure.badInput("agglomerative clustering (distance_threshold > 0) takes at most " + MAX_ITEMS
                    + " images, got " + n + "; use k-means (distance_threshold 0) for more");
        }
        float[][] d = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float cos = (float) Warp.dot(vectors[i], vectors[j]);
                d[i][j] = d[j][i] = 1 - cos;
            }
        }
        int[] size = new int[n];
        int[] parent = new int[n];
        boolean[] alive = new boolean[n];
        int[] nearest = new int[n];
        for (int i = 0; i < n; i++) {
            size[i] = 1;
            parent[i] = i;
            alive[i] = true;
        }
        for (int i = 0; i < n; i++) {
            nearest[i] = nearestOf(i, d, alive);
        }
        List<Double> merges = new ArrayList<>();
        for (int remaining = n; remaining > 1; remaining--) {
            if (cancelled.getAsBoolean()) {
                throw new JobCancelledException("clustering cancelled");
            }
            int a = -1;
            for (int i = 0; i < n; i++) {
                if (alive[i] && nearest[i] >= 0 && (a < 0 || d[i][nearest[i]] < d[a][nearest[a]])) {
                    a = i;
                }
            }
            int b = nearest[a];
            double distance = d[a][b];
            if (distance > threshold) {
                break;
            }
            merges.add(distance);
            int keep = Math.min(a, b);
            int gone = Math.max(a, b);
            for (int k = 0; k < n; k++) {
                if (alive[k] && k != keep && k != gone) {
                    float merged = (size[keep] * d[keep][k] + size[gone] * d[gone][k]) / (size[keep] + size[gone]);
                    d[keep][k] = d[k][keep] = merged;
                }
            }
            alive[gone] = false;
            size[keep] += size[gone];
            parent[gone] = keep;
            for (int k = 0; k < n; k++) {
                if (alive[k] && (k == keep || nearest[k] == keep || nearest[k] == gone)) {
                    nearest[k] = nearestOf(k, d, alive);
                } else if (alive[k] && d[k][keep] < d[k][nearest[k]]) {
                    nearest[k] = keep;
                }
            }
        }
        int[] clusterOf = new int[n];
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            clusterOf[i] = alive[i] ? clusters++ : -1;
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int root = i;
            while (parent[root] != root) {
                root = parent[root];
            }
            labels[i] = clusterOf[root];
        }
        return new Result(labels, clusters, merges);
    }

    private static int nearestOf(int i, float[][] d, boolean[] alive) {
        int best = -1;
        for (int k = 0; k < d.length; k++) {
            if (k != i && alive[k] && (best < 0 || d[i][k] < d[i][best])) {
                best = k;
            }
        }
        return best;
    }
}
