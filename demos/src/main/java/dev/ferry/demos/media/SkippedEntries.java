package dev.ferry.demos.media;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The entries of one archive that gave no page, told once: how many, why, and the first
 * entry of each reason. An archive bomb has thousands of entries; a line for each would
 * bury the job's error and the log.
 */
public final class SkippedEntries {
    private static final String SEPARATOR = "!/";
    private final String archive;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, String> firsts = new LinkedHashMap<>();
    private final Set<String> entries = new HashSet<>();

    SkippedEntries(String archive) {
        this.archive = archive;
    }

    /** The source of an entry's page, e.g. {@code scans.zip!/a/page1.jpg}. */
    String label(String entry) {
        return archive + SEPARATOR + entry;
    }

    /** Whether a failed page is an entry counted here, so its failure is told by this summary. */
    public synchronized boolean covers(String source) {
        String prefix = archive + SEPARATOR;
        return source.startsWith(prefix) && entries.contains(source.substring(prefix.length()));
    }

    synchronized void add(String reason, String entry) {
        add(reason, entry, 1);
        entries.add(entry);
    }

    synchronized void add(String reason, String firstEntry, int count) {
        counts.merge(reason, count, Integer::sum);
        firsts.putIfAbsent(reason, firstEntry);
    }

    synchronized boolean isEmpty() {
        return counts.isEmpty();
    }

    /** E.g. {@code scans.zip: 2,048 entries skipped (not images: 2,000, e.g. notes.txt; too large: 48, e.g. bomb.bmp)}. */
    @Override
    public synchronized String toString() {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<String> reasons = new ArrayList<>();
        counts.forEach((reason, count) -> reasons.add(reason + ": "
                + (count == 1 ? firsts.get(reason) : number(count) + ", e.g. " + firsts.get(reason))));
        return archive + ": " + number(total) + (total == 1 ? " entry" : " entries") + " skipped ("
                + String.join("; ", reasons) + ")";
    }

    private static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
