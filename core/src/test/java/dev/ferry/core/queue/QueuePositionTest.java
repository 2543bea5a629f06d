package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.Priority;
import dev.ferry.testkit.RedisForTests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The position script on a real redis-server: high priority first, then in order of queueing. */
class QueuePositionTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();

    private final FreshQueue queue = new FreshQueue(redis);
    private final JobReader reader = new JobReader(redis.client());
    private final JobEstimator estimator = new JobEstimator(redis.scripts(), new WorkerRegistry(redis.scripts()), Duration.ofSeconds(30));

    @Test
    void queuedJobsStandHighPriorityFirstThenInOrder() {
        JobId a = submit(Priority.NORMAL);
        JobId b = submit(Priority.NORMAL);
        JobId c = submit(Priority.HIGH);
        JobId d = submit(Priority.NORMAL);
        JobId e = submit(Priority.HIGH);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), positions(c, e, a, b, d));
    }

    @Test
    void claimedJobsStandAtZeroAndCancelledOnesLeaveTheLine() {
        JobId a = submit(Priority.NORMAL);
        JobId b = submit(Priority.NORMAL);
        JobId c = submit(Priority.NORMAL);
        JobId d = submit(Priority.NORMAL);
        queue.worker.claim(queue.demo, 1);
        queue.submissions.cancel(c);
        assertEquals(List.of(0L, 1L, 2L), positions(a, b, d));
        assertEquals(Optional.empty(), estimate(c).queuePosition(), "a finished job has no position");
    }

    @Test
    void aRetryWaitingOutItsBackoffStandsBehindEveryQueuedJob() {
        Job retry = queue.waitingForRetry();
        JobId a = submit(Priority.NORMAL);
        JobId b = submit(Priority.HIGH);
        assertEquals(List.of(1L, 2L, 3L), positions(b, a, retry.id()));
    }

    private JobId submit(Priority priority) {
        JobId id = JobId.generate(queue.demo, System.currentTimeMillis());
        return queue.submissions.submit(new NewJob(id, Map.of(), priority, 2, 60_000, Optional.empty())).id();
    }

    private List<Long> positions(JobId... ids) {
        return Stream.of(ids).map(id -> estimate(id).queuePosition().orElseThrow()).toList();
    }

    private JobEstimate estimate(JobId id) {
        return estimator.estimate(reader.get(id).orElseThrow());
    }
}
