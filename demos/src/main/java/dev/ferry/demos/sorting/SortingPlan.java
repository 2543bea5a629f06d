package dev.ferry.demos.sorting;

import java.util.ArrayList;
import java.util.List;

/**
 * Which container each item goes to. Items are grouped by look into as many clusters as there
 * are containers ({@link AverageLinkage}); with more containers than items, the containers seen
 * last are left empty, as SorterBot did. Clusters, numbered in the order of their first item,
 * take the containers in the order they were seen: photos by rotation, then the detector's order.
 *
 * @param clusterOfItem per item, its cluster (also the index of its container)
 */
record SortingPlan(List<SortingObject> items, List<SortingObject> containers, int[] clusterOfItem) {

    static SortingPlan of(List<SortingObject> items, List<SortingObject> containers) {
        int k = Math.min(items.size(), containers.size());
        if (k == 0) {
            return new SortingPlan(items, List.of(), new int[0]);
        }
        int[] clusters = AverageLinkage.cluster(items.stream().map(SortingObject::features).toList(), k);
        return new SortingPlan(items, List.copyOf(containers.subList(0, k)), clusters);
    }

    /** In item order; none when no container (or no item) was found. */
    List<PickAndDrop> commands() {
        List<PickAndDrop> commands = new ArrayList<>();
        for (int i = 0; i < clusterOfItem.length; i++) {
            commands.add(new PickAndDrop(items.get(i).position(), containers.get(clusterOfItem[i]).position()));
        }
        return commands;
    }
}
