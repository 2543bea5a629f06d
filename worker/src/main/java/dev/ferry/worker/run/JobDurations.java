package dev.ferry.worker.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code ferry.job.duration} histogram: how long attempts take, by demo and by what became of the job. */
public final class JobDurations {
    public static final String NAME = "ferry.job.duration";
    /** Jobs last from milliseconds (noop) to hours (long videos): a few fixed buckets cover both. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1)
    };
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public JobDurations(MeterRegistry registry) {
        this.registry = registry;
    }

    /** @param state the job's state after the attempt ({@code queued} when a retry follows) */
    public void record(String demo, String state, Duration took) {
        timers.computeIfAbsent(demo + '\0' + state, key -> Timer.builder(NAME)
                        .description("Time a worker spent on one attempt of a job")
                        .tags("demo", demo, "state", state)
                        .serviceLevelObjectives(BUCKETS)
                        .register(registry))
                .record(took);
    }
}
