package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Wait and run times are summed up for the demo, per worker and per device, each kept apart. */
class DemoTimingsTest {
    @Test
    void percentilesForTheDemoEachWorkerAndEachDevice() {
        List<JobTiming> timings = List.of(
                new JobTiming(1_000, 10_000, "gpu-a", "cuda:0"),
                new JobTiming(3_000, 20_000, "gpu-a", "cuda:0"),
                new JobTiming(2_000, 30_000, "gpu-b", "cuda:0"),
                new JobTiming(9_000, 90_000, "cpu-a", "cpu"));
        DemoTimings report = DemoTimings.of("d", timings);

        assertEquals(Optional.of(new TimingGroup(Optional.empty(), Optional.empty(), 4, new Spread(2, 9), new Spread(20, 90))),
                report.all());
        assertEquals(List.of(
                new TimingGroup(Optional.of("cpu-a"), Optional.of("cpu"), 1, new Spread(9, 9), new Spread(90, 90)),
                new TimingGroup(Optional.of("gpu-a"), Optional.of("cuda:0"), 2, new Spread(1, 3), new Spread(10, 20)),
                new TimingGroup(Optional.of("gpu-b"), Optional.of("cuda:0"), 1, new Spread(2, 2), new Spread(30, 30))),
                report.byWorker());
        assertEquals(List.of(
                new TimingGroup(Optional.empty(), Optional.of("cpu"), 1, new Spread(9, 9), new Spread(90, 90)),
                new TimingGroup(Optional.empty(), Optional.of("cuda:0"), 3, new Spread(2, 3), new Spread(20, 30))),
                report.byDevice());
    }

    @Test
    void beforeTheFirstSuccessThereIsNothingToSum() {
        assertEquals(new DemoTimings("d", Optional.empty(), List.of(), List.of()), DemoTimings.of("d", List.of()));
    }
}
