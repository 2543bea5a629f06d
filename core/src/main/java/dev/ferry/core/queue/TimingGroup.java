package dev.ferry.core.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * Queue wait and run time over some of a demo's recent jobs, kept apart: a long wait calls
 * for more workers, a long run for a faster device.
 *
 * @param worker the worker the jobs ran on; absent for a whole demo or device
 * @param device the device they ran on; absent for a whole demo
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TimingGroup(Optional<String> worker, Optional<String> device, int jobs, Spread waitS, Spread runS) {
    static TimingGroup of(Optional<String> worker, Optional<String> device, List<JobTiming> timings) {
        return new TimingGroup(worker, device, timings.size(),
                Spread.ofMillis(timings.stream().map(JobTiming::waitMs).toList()),
                Spread.ofMillis(timings.stream().map(JobTiming::runMs).toList()));
    }
}
