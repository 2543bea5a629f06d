package dev.ferry.api.monitor;

import dev.ferry.core.queue.WorkerStatus;
import java.time.Duration;
import java.util.List;

/** A worker as {@code /monitor} shows it; {@code alive} applies the same dead-after rule as reclaiming. */
public record WorkerView(
        String id,
        String host,
        long pid,
        String device,
        List<String> demos,
        int concurrency,
        List<String> runningJobs,
        long heartbeatAgeMs,
        boolean alive) {

    public static WorkerView of(WorkerStatus status, Duration deadAfter) {
        var info = status.info();
        return new WorkerView(info.id(), info.host(), info.pid(), info.device(), info.demos(), info.concurrency(),
                info.runningJobs(), status.heartbeatAgeMs(), status.heartbeatAgeMs() < deadAfter.toMillis());
    }
}
