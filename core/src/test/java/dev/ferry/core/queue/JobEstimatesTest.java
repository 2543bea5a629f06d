package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobState;
import dev.ferry.core.json.Json;
import dev.ferry.testkit.RedisForTests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the complete script records of each job's times, and the estimates made from recorded
 * times: the tests write the times themselves, so the figures follow from known durations.
 */
class JobEstimatesTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();
    private static final Duration DEAD_AFTER = Duration.ofSeconds(30);

    private final FreshQueue queue = new FreshQueue(redis);
    private final JobReader reader = new JobReader(redis.client());
    private final WorkerRegistry workers = new WorkerRegistry(redis.scripts());
    private final JobEstimator estimator = new JobEstimator(redis.scripts(), workers, DEAD_AFTER);

    @Test
    void completeRecordsTheJobsWaitAndRunTimeWithItsWorkerAndDevice() {
        WorkQueue gpuWorker = new WorkQueue(redis.scripts(), "gpu-worker", "cuda:0");
        queue.submit();
        Job running = gpuWorker.claim(queue.demo, 1).get(0);
        Job done = gpuWorker.complete(running, "{}", List.of());

        long created = done.createdAt().toEpochMilli();
        long started = done.startedAt().orElseThrow().toEpochMilli();
        long finished = done.finishedAt().orElseThrow().toEpochMilli();
        assertEquals(List.of(new JobTiming(started - created, finished - started, "gpu-worker", "cuda:0")),
                new RecentTimings(redis.client()).of(queue.demo));
    }

    @Test
    void onlyTheMostRecentTimingsAreKept() {
        for (int i = 0; i < RecentTimings.KEPT + 1; i++) {
            queue.jobIn(JobState.SUCCEEDED);
        }
        assertEquals(RecentTimings.KEPT, new RecentTimings(redis.client()).of(queue.demo).size());
    }

    @Test
    void queuedJobsStartAfterTheRunsAheadOfThemSharedOverTheBusySlots() {
        recordRuns(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        busyWorker(2);
        List<Job> queued = IntStream.range(0, 3).mapToObj(i -> queue.jobIn(JobState.QUEUED)).toList();

        // p50 of the runs is 5 s and p90 9 s; the third in line waits for three runs over two slots.
        JobEstimate third = estimator.estimate(queued.get(2));
        assertEquals(Optional.of(3L), third.queuePosition());
        assertEquals(Optional.of(new Spread(7.5, 13.5)), third.etaStartS());
        assertEquals(Optional.of(new Spread(12.5, 22.5)), third.etaFinishS());
        assertEquals(Optional.of(new Spread(2.5, 4.5)), estimator.estimate(queued.get(0)).etaStartS());
    }

    @Test
    void aJobThatFindsAFreeSlotStartsAtOnce() {
        recordRuns(4);
        workers.beat(new WorkerInfo("idle", "box", 1, "cpu", List.of(queue.demo), 1, List.of()), DEAD_AFTER);
        JobEstimate first = estimator.estimate(queue.jobIn(JobState.QUEUED));
        assertEquals(Optional.of(new Spread(0, 0)), first.etaStartS());
        assertEquals(Optional.of(new Spread(4, 4)), first.etaFinishS());
    }

    @Test
    void aQueuedJobOfAPausedDemoHasAPositionButNoTimesUntilItResumes() {
        recordRuns(4);
        workers.beat(new WorkerInfo("idle", "box", 1, "cpu", List.of(queue.demo), 1, List.of()), DEAD_AFTER);
        Job waiting = queue.jobIn(JobState.QUEUED);
        QueuePause pause = new QueuePause(redis.scripts());
        pause.pause(queue.demo);
        assertEquals(new JobEstimate(Optional.of(1L), Optional.empty(), Optional.empty()), estimator.estimate(waiting),
                "no worker takes it while paused, however free");
        pause.resume(queue.demo);
        assertEquals(Optional.of(new Spread(0, 0)), estimator.estimate(waiting).etaStartS());
    }

    @Test
    void beforeTheFirstRunTheDefaultRunTimeIsUsed() {
        busyWorker(1);
        JobEstimate first = estimator.estimate(queue.jobIn(JobState.QUEUED));
        assertEquals(Optional.of(DemoOutlook.DEFAULT_RUN), first.etaStartS());
        assertEquals(Optional.of(DemoOutlook.DEFAULT_RUN.times(2)), first.etaFinishS());
    }

    @Test
    void withoutALiveWorkerAQueuedJobHasAPositionButNoTimes() {
        recordRuns(1);
        assertEquals(new JobEstimate(Optional.of(1L), Optional.empty(), Optional.empty()),
                estimator.estimate(queue.jobIn(JobState.QUEUED)));
    }

    @Test
    void aRunningJobHasStartedAndFinishesWithinTheRunTimesLessWhatItRan() {
        recordRuns(5, 9);
        JobEstimate running = estimator.estimate(queue.jobIn(JobState.RUNNING));
        assertEquals(Optional.of(0L), running.queuePosition());
        assertEquals(Optional.of(new Spread(0, 0)), running.etaStartS());
        Spread finish = running.etaFinishS().orElseThrow();
        assertTrue(finish.p50() <= 5 && finish.p90() <= 9 && finish.p50() <= finish.p90(), finish::toString);
    }

    @Test
    void aFinishedJobHasNoEstimate() {
        recordRuns(1);
        busyWorker(1);
        assertEquals(JobEstimate.NONE, estimator.estimate(queue.jobIn(JobState.SUCCEEDED)));
        assertEquals(JobEstimate.NONE, estimator.estimate(queue.jobIn(JobState.CANCELLED)));
    }

    /** Runs of the given seconds, as the complete script would have recorded them. */
    private void recordRuns(int... seconds) {
        for (int s : seconds) {
            redis.client().getList(new QueueKeys(queue.demo).timings(), org.redisson.client.codec.StringCodec.INSTANCE)
                    .add(0, Json.write(Map.of("wait_ms", 0, "run_ms", s * 1000, "worker", "w", "device", "cpu")));
        }
    }

    /** A live worker of the demo whose slots are all taken. */
    private void busyWorker(int slots) {
        List<String> running = IntStream.range(0, slots).mapToObj(i -> "job-" + i).toList();
        workers.beat(new WorkerInfo("busy-" + queue.demo, "box", 1, "cpu", List.of(queue.demo), slots, running), DEAD_AFTER);
    }
}
