package dev.ferry.core.queue;

import java.util.Optional;

/**
 * Where a job stands and when it should start and finish, in seconds from now. All absent for
 * a finished job; the times are absent too while no live worker serves the demo.
 *
 * @param queuePosition 1 starts next, 0 is running
 */
public record JobEstimate(Optional<Long> queuePosition, Optional<Spread> etaStartS, Optional<Spread> etaFinishS) {
    public static final JobEstimate NONE = new JobEstimate(Optional.empty(), Optional.empty(), Optional.empty());
}
