package dev.ferry.demos.clustering;

import dev.ferry.core.storage.JobFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference groups of {@code assign_to}: images among an earlier job's outputs, each its
 * own group ({@code reference_groups=file}, named by its path) or grouped by the folder they
 * lie in ({@code folder}, named by the folder). Groups keep the order of their first image.
 */
final class ReferenceGroups {
    private final List<Item> references;
    private final int[] groupOf;
    private final List<String> names;
    private final int[] first;

    private ReferenceGroups(List<Item> references, int[] groupOf, List<String> names, int[] first) {
        this.references = references;
        this.groupOf = groupOf;
        this.names = names;
        this.first = first;
    }

    static ReferenceGroups of(List<Item> references, JobFiles entry, boolean byFolder) {
        String prefix = entry.job() + "/";
        Map<String, Integer> groups = new LinkedHashMap<>();
        List<Integer> firsts = new ArrayList<>();
        int[] groupOf = new int[references.size()];
        for (int i = 0; i < references.size(); i++) {
            String path = references.get(i).source();
            path = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
            String name = byFolder ? folder(path) : path;
            int index = i;
            groupOf[i] = groups.computeIfAbsent(name, n -> {
                firsts.add(index);
                return groups.size();
            });
        }
        return new ReferenceGroups(List.copyOf(references), groupOf, List.copyOf(groups.keySet()),
                firsts.stream().mapToInt(Integer::intValue).toArray());
    }

    List<Item> references() {
        return references;
    }

    int count() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    /** The group of reference {@code reference}. */
    int groupOf(int reference) {
        return groupOf[reference];
    }

    /** The first reference of group {@code group}: its picture is the group's prototype. */
    int first(int group) {
        return first[group];
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "." : path.substring(0, slash);
    }
}
