package dev.ferry.demos.sorting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the sightings of one object on neighbouring photos, as SorterBot's filter_duplicates
 * does: in photo order, each sighting not yet merged gathers the later ones of the same kind
 * whose {@code s0} and {@code s1} both lie less than {@code distance} pulse widths from its
 * own, and the object sits at their mean. Where the original merged every sighting in range,
 * a group here takes at most one per photo, the nearest: two sightings on one photo are two
 * objects side by side, which the original merged into one (and it never merged sightings at
 * exactly the same position).
 */
final class DuplicateMerge {
    private DuplicateMerge() {}

    /** @param sightings in photo order, then in the detector's order */
    static List<SortingObject> merge(List<Sighting> sightings, double distance) {
        boolean[] merged = new boolean[sightings.size()];
        List<SortingObject> objects = new ArrayList<>();
        for (int i = 0; i < sightings.size(); i++) {
            if (merged[i]) {
                continue;
            }
            Sighting first = sightings.get(i);
            List<Sighting> group = new ArrayList<>(List.of(first));
            for (int j : nearestPerPhoto(sightings, merged, i, distance).values()) {
                merged[j] = true;
                group.add(sightings.get(j));
            }
            objects.add(new SortingObject(first.kind(), ArmPosition.mean(group.stream().map(Sighting::position).toList()),
                    List.copyOf(group)));
        }
        return objects;
    }

    /** Of the unmerged sightings after {@code i} in range of it, by photo, the index of the nearest. */
    private static Map<Integer, Integer> nearestPerPhoto(List<Sighting> sightings, boolean[] merged, int i, double distance) {
        Sighting first = sightings.get(i);
        Map<Integer, Integer> nearest = new LinkedHashMap<>();
        for (int j = i + 1; j < sightings.size(); j++) {
            Sighting other = sightings.get(j);
            if (merged[j] || other.kind() != first.kind() || other.photo() == first.photo()
                    || !inRange(first.position(), other.position(), distance)) {
                continue;
            }
            Integer known = nearest.get(other.photo());
            if (known == null || gap(first, other) < gap(first, sightings.get(known))) {
                nearest.put(other.photo(), j);
            }
        }
        return nearest;
    }

    private static boolean inRange(ArmPosition a, ArmPosition b, double distance) {
        return Math.abs(a.s0() - b.s0()) < distance && Math.abs(a.s1() - b.s1()) < distance;
    }

    private static double gap(Sighting a, Sighting b) {
        return Math.hypot(a.position().s0() - b.position().s0(), a.position().s1() - b.position().s1());
    }
}
