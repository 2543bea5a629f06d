package dev.ferry.demos.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What an engine found, before it is written out.
 *
 * @param members    per item, in item order: its cluster, distance and alignment
 * @param prototypes per cluster, its prototype as PNG
 * @param names      per cluster, its name (the reference group with {@code assign_to}); empty otherwise
 * @param aligned    per item, its image aligned onto its prototype (tik); empty for the embedding engine
 * @param curve      the loss after seeding and each iteration, or the distance of each merge
 * @param curveLabel what {@code curve} is; empty when there is none (assignment)
 */
record Clustering(List<Membership> members, List<byte[]> prototypes, List<String> names, List<float[]> aligned,
                  List<Double> curve, String curveLabel, boolean converged, int iterations) {

    /** One item's cluster, its distance to the prototype, and the map from prototype pixels into its image. */
    record Membership(int cluster, double distance, Affine transform) {}

    int clusters() {
        return prototypes.size();
    }

    int size(int cluster) {
        return (int) members.stream().filter(m -> m.cluster() == cluster).count();
    }

    Optional<String> name(int cluster) {
        return names.isEmpty() ? Optional.empty() : Optional.of(names.get(cluster));
    }

    /** Clusters renumbered largest first (ties: in their old order), so cluster 0 is the biggest. */
    Clustering largestFirst() {
        Integer[] order = new Integer[clusters()];
        Arrays.setAll(order, i -> i);
        int[] sizes = new int[clusters()];
        members.forEach(m -> sizes[m.cluster()]++);
        Arrays.sort(order, Comparator.comparingInt((Integer c) -> -sizes[c]).thenComparingInt(c -> c));
        int[] newIndex = new int[clusters()];
        List<byte[]> prototypes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            newIndex[order[i]] = i;
            prototypes.add(this.prototypes.get(order[i]));
            if (!this.names.isEmpty()) {
                names.add(this.names.get(order[i]));
            }
        }
        List<Membership> members = this.members.stream()
                .map(m -> new Membership(newIndex[m.cluster()], m.distance(), m.transform())).toList();
        return new Clustering(members, prototypes, names, aligned, curve, curveLabel, converged, iterations);
    }
}
