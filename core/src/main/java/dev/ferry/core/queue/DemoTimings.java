package dev.ferry.core.queue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A demo's recent queue wait and run times, as {@code /monitor} shows them: for the demo,
 * per worker and per device. {@code all} is absent before the demo's first success.
 */
public record DemoTimings(String demo, Optional<TimingGroup> all, List<TimingGroup> byWorker, List<TimingGroup> byDevice) {
    public static DemoTimings of(String demo, List<JobTiming> timings) {
        Optional<TimingGroup> all = timings.isEmpty() ? Optional.empty()
                : Optional.of(TimingGroup.of(Optional.empty(), Optional.empty(), timings));
        List<TimingGroup> byWorker = grouped(timings, t -> t.worker() + '\0' + t.device()).values().stream()
                .map(group -> TimingGroup.of(Optional.of(group.get(0).worker()), Optional.of(group.get(0).device()), group))
                .toList();
        List<TimingGroup> byDevice = grouped(timings, JobTiming::device).values().stream()
                .map(group -> TimingGroup.of(Optional.empty(), Optional.of(group.get(0).device()), group))
                .toList();
        return new DemoTimings(demo, all, byWorker, byDevice);
    }

    /** Sorted by key, so the listing is stable from one call to the next. */
    private static Map<String, List<JobTiming>> grouped(List<JobTiming> timings, Function<JobTiming, String> key) {
        return timings.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }
}
