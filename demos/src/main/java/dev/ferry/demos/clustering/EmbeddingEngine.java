package dev.ferry.demos.clustering;

import dev.ferry.demos.inference.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The embedding engine's clustering of unit feature vectors: k-means with {@code n_prototypes},
 * agglomerative with a {@code distance_threshold}, or assignment to reference groups. Distances
 * are cosine distances (0 alike, 1 unrelated) to the cluster's mean direction, or to the
 * nearest reference; each cluster's prototype picture is its medoid, the member closest to
 * that mean (with references, the group's first image).
 */
final class EmbeddingEngine {
    static final String KMEANS_CURVE = "mean squared distance between unit feature vectors and their centre";
    static final String MERGE_CURVE = "cosine distance of each merge (average linkage)";

    private EmbeddingEngine() {}

    static Clustering cluster(List<Item> items, ClusteringSettings settings, BooleanSupplier cancelled,
                              TikMeans.Listener listener) {
        float[][] vectors = vectors(items);
        if (settings.distanceThreshold() > 0) {
            Agglomerative.Result r = Agglomerative.run(vectors, settings.distanceThreshold(), cancelled);
            listener.iteration(1, 1, r.merges().isEmpty() ? 0 : r.merges().get(r.merges().size() - 1), items.size());
            return withCentres(items, vectors, r.labels(), centres(vectors, r.labels(), r.clusters()), r.merges(),
                    MERGE_CURVE, true, r.merges().size());
        }
        VectorKMeans.Result r = VectorKMeans.run(vectors, settings.clusters(), settings.iterations(), settings.seed(),
                cancelled, listener);
        return withCentres(items, vectors, r.labels(), r.centres(), r.loss(), KMEANS_CURVE, r.converged(), r.iterations());
    }

    /** Each item to the group of its nearest reference. */
    static Clustering assign(List<Item> items, ReferenceGroups groups) {
        float[][] vectors = vectors(items);
        float[][] references = vectors(groups.references());
        List<Clustering.Membership> members = new ArrayList<>();
        for (float[] v : vectors) {
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int r = 0; r < references.length; r++) {
                double d = 1 - Warp.dot(v, references[r]);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = r;
                }
            }
            members.add(new Clustering.Membership(groups.groupOf(best), Math.max(0, bestDistance), Affine.IDENTITY));
        }
        List<byte[]> prototypes = new ArrayList<>();
        for (int g = 0; g < groups.count(); g++) {
            prototypes.add(read(groups.references().get(groups.first(g))));
        }
        return new Clustering(members, prototypes, groups.names(), List.of(), List.of(), "", true, 0);
    }

    private static Clustering withCentres(List<Item> items, float[][] vectors, int[] labels, float[][] centres,
                                          List<Double> curve, String label, boolean converged, int iterations) {
        float[][] directions = Arrays.stream(centres).map(c -> EmbeddingModel.unit(c.clone())).toArray(float[][]::new);
        List<Clustering.Membership> members = new ArrayList<>();
        int[] medoid = new int[centres.length];
        double[] medoidDistance = new double[centres.length];
        Arrays.fill(medoid, -1);
        for (int i = 0; i < vectors.length; i++) {
            int c = labels[i];
            double d = Math.max(0, 1 - Warp.dot(vectors[i], directions[c]));
            members.add(new Clustering.Membership(c, d, Affine.IDENTITY));
            if (medoid[c] < 0 || d < medoidDistance[c]) {
                medoid[c] = i;
                medoidDistance[c] = d;
            }
        }
        List<byte[]> prototypes = new ArrayList<>();
        for (int c = 0; c < centres.length; c++) {
            prototypes.add(read(items.get(medoid[c])));
        }
        return new Clustering(members, prototypes, List.of(), List.of(), curve, label, converged, iterations);
    }

    private static float[][] centres(float[][] vectors, int[] labels, int clusters) {
        float[][] sums = new float[clusters][vectors[0].length];
        for (int i = 0; i < vectors.length; i++) {
            for (int j = 0; j < vectors[i].length; j++) {
                sums[labels[i]][j] += vectors[i][j];
            }
        }
        return sums;
    }

    private static float[][] vectors(List<Item> items) {
        float[][] v = items.stream().map(Item::features).toArray(float[][]::new);
        for (float[] x : v) {
            if (x.length != v[0].length) {
                throw new IllegalStateException("the model gave vectors of different lengths: " + v[0].length + " and "
                        + x.length);
            }
        }
        return v;
    }

    private static byte[] read(Item item) {
        try {
            return Files.readAllBytes(item.original());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
