package dev.ferry.core.queue;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TestDemoNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Drives each queue transition directly against a real redis-server. */
class QueueScriptsTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();

    private String demo;
    private Submissions submissions;
    private JobReader reader;
    private WorkQueue worker;
    private Maintenance maintenance;

    @BeforeEach
    void freshQueue() {
        demo = TestDemoNames.fresh("q");
        RedisScripts scripts = redis.scripts();
        WorkQueue.ensureGroups(redis.client(), demo);
        submissions = new Submissions(scripts, 3, Duration.ofMinutes(5));
        reader = new JobReader(redis.client());
        worker = new WorkQueue(scripts, "worker-a");
        maintenance = new Maintenance(scripts);
    }

    private JobId submit(Priority priority) {
        return submit(priority, Optional.empty());
    }

    private JobId submit(Priority priority, Optional<IdempotencyKey> key) {
        JobId id = JobId.generate(demo, System.currentTimeMillis());
        return submissions.submit(new NewJob(id, Map.of("x", 1), priority, 2, 60_000, key)).id();
    }

    @Test
    void submitThenClaimThenComplete() {
        JobId id = submit(Priority.NORMAL);
        Job queued = reader.get(id).orElseThrow();
        assertEquals(JobState.QUEUED, queued.state());
        assertEquals(Map.of("x", 1), queued.params());

        List<Job> claimed = worker.claim(demo, 10);
        assertEquals(1, claimed.size());
        assertEquals(JobState.RUNNING, claimed.get(0).state());
        assertEquals(1, claimed.get(0).attempts());
        assertTrue(worker.claim(demo, 10).isEmpty(), "a claimed job is not handed out twice");

        worker.complete(claimed.get(0), "{\"ok\":true}", List.of());
        Job done = reader.get(id).orElseThrow();
        assertEquals(JobState.SUCCEEDED, done.state());
        assertTrue(done.finishedAt().isPresent());
        assertEquals(true, done.result().orElseThrow().get("ok").asBoolean());
    }

    @Test
    void highPriorityIsClaimedFirst() {
        JobId normal = submit(Priority.NORMAL);
        JobId high = submit(Priority.HIGH);
        assertEquals(high, worker.claim(demo, 1).get(0).id());
        assertEquals(normal, worker.claim(demo, 1).get(0).id());
    }

    @Test
    void queueLimitRefusesSubmits() {
        submit(Priority.NORMAL);
        submit(Priority.NORMAL);
        submit(Priority.NORMAL);
        QueueException full = assertThrows(QueueException.class, () -> submit(Priority.NORMAL));
        assertEquals(QueueError.QUEUE_FULL, full.error());
    }

    @Test
    void idempotencyKeyReturnsTheFirstJob() {
        JobId first = submit(Priority.NORMAL, Optional.of(new IdempotencyKey("order-17", "same-request")));
        JobId id = JobId.generate(demo, System.currentTimeMillis());
        SubmitOutcome again = submissions.submit(new NewJob(id, Map.of(), Priority.NORMAL, 2, 1000,
                Optional.of(new IdempotencyKey("order-17", "same-request"))));
        assertEquals(first, again.id());
        assertFalse(again.created());
        assertTrue(reader.get(id).isEmpty());
    }

    @Test
    void idempotencyKeyOfAnotherRequestIsAConflictThatWritesNothing() {
        JobId first = submit(Priority.NORMAL, Optional.of(new IdempotencyKey("order-18", "first-request")));
        JobId id = JobId.generate(demo, System.currentTimeMillis());
        QueueException conflict = assertThrows(QueueException.class, () -> submissions.submit(new NewJob(id, Map.of(),
                Priority.NORMAL, 2, 1000, Optional.of(new IdempotencyKey("order-18", "other-request")))));
        assertEquals(QueueError.IDEMPOTENCY_CONFLICT, conflict.error());
        assertTrue(conflict.getMessage().contains(first.toString()), conflict.getMessage());
        assertTrue(reader.get(id).isEmpty());
        assertEquals(first, submit(Priority.NORMAL, Optional.of(new IdempotencyKey("order-18", "first-request"))),
                "the first request still replays");
    }

    @Test
    void cancelledQueuedJobNeverStarts() {
        JobId id = submit(Priority.NORMAL);
        assertEquals(JobState.CANCELLED, submissions.cancel(id));
        assertTrue(worker.claim(demo, 10).isEmpty());
        assertEquals(JobState.CANCELLED, reader.get(id).orElseThrow().state());
    }

    @Test
    void cancellingARunningJobIsSeenAtTheNextProgress() {
        JobId id = submit(Priority.NORMAL);
        Job job = worker.claim(demo, 1).get(0);
        assertFalse(worker.progress(id, 1, 10, "step 1"));
        assertEquals(JobState.RUNNING, submissions.cancel(id));
        assertTrue(worker.progress(id, 2, 10, "step 2"));
        worker.confirmCancel(job);
        assertEquals(JobState.CANCELLED, reader.get(id).orElseThrow().state());
    }

    @Test
    void retryableFailureWaitsThenRunsAgainThenDeadLetters() {
        JobId id = submit(Priority.NORMAL);
        Job first = worker.claim(demo, 1).get(0);
        assertEquals(JobState.QUEUED, worker.fail(first, new JobError(ErrorCode.INTERNAL_ERROR, "first"), true, 0).state());
        await("promotion").atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> maintenance.promoteDue(demo) == 1);
        Job second = worker.claim(demo, 1).get(0);
        assertEquals(2, second.attempts());
        assertEquals(JobState.FAILED, worker.fail(second, new JobError(ErrorCode.INTERNAL_ERROR, "second"), true, 0).state());
        Job failed = reader.get(id).orElseThrow();
        assertEquals("second", failed.error().orElseThrow().message());
        assertEquals(1, deadLetters());
    }

    @Test
    void jobFailedForItsInputIsFailedButNotADeadLetter() {
        JobId id = submit(Priority.NORMAL);
        Job job = worker.claim(demo, 1).get(0);
        assertEquals(JobState.FAILED, worker.fail(job, new JobError(ErrorCode.BAD_INPUT, "not an image"), false, 0).state());
        assertEquals("bad_input", reader.get(id).orElseThrow().error().orElseThrow().code());
        DemoStats stats = new QueueMonitor(redis.client(), new WorkerRegistry(redis.scripts())).stats(demo);
        assertEquals(1, stats.failedLastHour());
        assertEquals(0, stats.deadLetters(), "the client's input is the client's to fix; no retry could have saved it");
    }

    @Test
    void deadWorkersLastAttemptIsADeadLetterUntilItExpires() {
        JobId id = JobId.generate(demo, System.currentTimeMillis());
        submissions.submit(new NewJob(id, Map.of(), Priority.NORMAL, 1, 1000, Optional.empty()));
        worker.claim(demo, 1);
        assertEquals(Map.of(id, JobState.FAILED), maintenance.reclaim(demo, "worker-a", 3));
        assertEquals("worker_lost", reader.get(id).orElseThrow().error().orElseThrow().code());
        assertEquals(1, deadLetters());
        assertEquals(List.of(id), maintenance.expire(demo, Duration.ZERO));
        assertEquals(0, deadLetters(), "a forgotten job is no longer counted");
    }

    private long deadLetters() {
        return new QueueMonitor(redis.client(), new WorkerRegistry(redis.scripts())).stats(demo).deadLetters();
    }

    @Test
    void deadWorkersJobsAreQueuedAgainForAnotherWorker() {
        JobId id = submit(Priority.NORMAL);
        worker.claim(demo, 1);
        assertEquals(Map.of(id, JobState.QUEUED), maintenance.reclaim(demo, "worker-a", 3));
        WorkQueue other = new WorkQueue(redis.scripts(), "worker-b");
        Job again = other.claim(demo, 1).get(0);
        assertEquals(2, again.attempts());
        QueueException lost = assertThrows(QueueException.class, () -> worker.complete(again, "{}", List.of()));
        assertEquals(QueueError.NOT_OWNER, lost.error());
        other.complete(again, "{}", List.of());
        assertEquals(JobState.SUCCEEDED, reader.get(id).orElseThrow().state());
    }

    @Test
    void aDeadWorkersJobRunsNextNotBehindTheBacklog() {
        JobId recovered = submit(Priority.NORMAL);
        worker.claim(demo, 1);
        JobId waiting = submit(Priority.NORMAL);
        maintenance.reclaim(demo, "worker-a", 3);
        assertEquals(Priority.HIGH, reader.get(recovered).orElseThrow().priority(), "queued again as high priority");
        WorkQueue other = new WorkQueue(redis.scripts(), "worker-b");
        assertEquals(recovered, other.claim(demo, 1).get(0).id(), "claimed before " + waiting + ", which never ran");
        assertEquals(waiting, other.claim(demo, 1).get(0).id());
    }

    @Test
    void jobThatKeepsKillingWorkersIsAPoisonPill() {
        JobId id = JobId.generate(demo, System.currentTimeMillis());
        submissions.submit(new NewJob(id, Map.of(), Priority.NORMAL, 10, 1000, Optional.empty()));
        for (int death = 1; death <= 2; death++) {
            WorkQueue w = new WorkQueue(redis.scripts(), "doomed-" + death);
            w.claim(demo, 1);
            maintenance.reclaim(demo, "doomed-" + death, 2);
        }
        Job job = reader.get(id).orElseThrow();
        assertEquals(JobState.FAILED, job.state());
        assertEquals("poison", job.error().orElseThrow().code());
        assertEquals(1, deadLetters());
    }

    @Test
    void releasedJobIsQueuedWithoutCountingTheAttempt() {
        JobId id = submit(Priority.HIGH);
        Job job = worker.claim(demo, 1).get(0);
        worker.release(job);
        Job back = reader.get(id).orElseThrow();
        assertEquals(JobState.QUEUED, back.state());
        assertEquals(0, back.attempts());
        assertEquals(1, worker.claim(demo, 1).get(0).attempts());
    }

    @Test
    void expiredJobsAreForgotten() {
        JobId id = submit(Priority.NORMAL);
        worker.complete(worker.claim(demo, 1).get(0), "{}", List.of());
        assertTrue(maintenance.expire(demo, Duration.ofHours(1)).isEmpty());
        assertEquals(List.of(id), maintenance.expire(demo, Duration.ZERO));
        assertTrue(reader.get(id).isEmpty());
        assertTrue(reader.newest(List.of(demo), Optional.empty(), 10).isEmpty());
    }

    @Test
    void queuedJobsSurviveARedisRestart() {
        JobId id = submit(Priority.NORMAL);
        redis.restart();
        await("reconnect").atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> reader.get(id).isPresent());
        assertEquals(id, worker.claim(demo, 1).get(0).id());
    }

    @Test
    void listsNewestFirstAndFiltersByState() {
        JobId a = submit(Priority.NORMAL);
        // jobs created in the same millisecond have no order: let the clock move on
        long createdA = System.currentTimeMillis();
        await("the clock to pass a's millisecond").until(() -> System.currentTimeMillis() > createdA + 1);
        JobId b = submit(Priority.NORMAL);
        submissions.cancel(a);
        assertEquals(List.of(b, a), reader.newest(List.of(demo), Optional.empty(), 10).stream().map(Job::id).toList());
        assertEquals(List.of(a), reader.newest(List.of(demo), Optional.of(JobState.CANCELLED), 10).stream().map(Job::id).toList());
    }
}
