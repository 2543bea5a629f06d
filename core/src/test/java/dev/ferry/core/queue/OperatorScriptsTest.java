package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.testkit.RedisForTests;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's scripts (pause, resume, retry, delete) against a real redis-server, each test on a fresh queue. */
class OperatorScriptsTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();

    private final FreshQueue q = new FreshQueue(redis);

    @Test
    void aPausedQueueStillTakesJobsButHandsNoneOutUntilResumed() {
        FreshQueue other = new FreshQueue(redis);
        assertTrue(q.pause.pause(q.demo));
        assertFalse(q.pause.pause(q.demo), "pausing twice changes nothing");
        JobId id = q.submit();
        JobId elsewhere = other.submit();

        assertEquals(List.of(), q.worker.claim(q.demo, 10));
        assertEquals(elsewhere, other.worker.claim(other.demo, 10).get(0).id(), "another demo's queue runs on");
        assertEquals(Optional.of(JobState.QUEUED), q.state(id));
        assertTrue(q.pause.isPaused(q.demo));
        assertTrue(monitor().stats(q.demo).paused());

        assertTrue(q.pause.resume(q.demo));
        assertFalse(q.pause.resume(q.demo), "resuming twice changes nothing");
        assertFalse(monitor().stats(q.demo).paused());
        assertEquals(id, q.worker.claim(q.demo, 10).get(0).id());
    }

    @Test
    void aRetriedDeadLetterIsQueuedWithAFreshAttemptBudgetAndCanSucceed() {
        Job dead = q.jobIn(JobState.FAILED);
        assertEquals(List.of(dead.id()), q.deadLetters.ids(q.demo));

        q.deadLetters.retry(dead.id());
        Job queued = new JobReader(redis.client()).get(dead.id()).orElseThrow();
        assertEquals(JobState.QUEUED, queued.state());
        assertEquals(0, queued.attempts());
        assertTrue(queued.finishedAt().isEmpty());
        assertEquals(0, q.deadLetters.count(q.demo));
        assertEquals(0, monitor().stats(q.demo).deadLetters());

        Job again = q.worker.claim(q.demo, 1).get(0);
        assertEquals(1, again.attempts());
        assertEquals(JobState.SUCCEEDED, q.worker.complete(again, "{}", List.of()).state());
    }

    @Test
    void aDeletedDeadLetterIsForgottenWithItsIndexes() {
        Job dead = q.jobIn(JobState.FAILED);
        Job kept = q.jobIn(JobState.QUEUED);
        q.deadLetters.delete(dead.id());
        assertEquals(Map.of(), q.record(dead.id()));
        assertEquals(0, q.deadLetters.count(q.demo));
        JobReader reader = new JobReader(redis.client());
        assertEquals(List.of(kept.id()), reader.newest(List.of(q.demo), Optional.empty(), 10).stream().map(Job::id).toList());
        assertEquals(List.of(), reader.newest(List.of(q.demo), Optional.of(JobState.FAILED), 10));
        QueueException gone = assertThrows(QueueException.class, () -> q.deadLetters.retry(dead.id()));
        assertEquals(QueueError.NOT_FOUND, gone.error());
    }

    @Test
    void aJobFailedForItsInputIsNoDeadLetterSoNeitherRetriedNorDeleted() {
        Job refused = q.worker.fail(q.jobIn(JobState.RUNNING), new JobError(ErrorCode.BAD_INPUT, "not an image"), false, 0);
        Map<String, String> before = q.record(refused.id());
        assertEquals(QueueError.NOT_DEAD_LETTER, assertThrows(QueueException.class, () -> q.deadLetters.retry(refused.id())).error());
        assertEquals(QueueError.NOT_DEAD_LETTER, assertThrows(QueueException.class, () -> q.deadLetters.delete(refused.id())).error());
        assertEquals(before, q.record(refused.id()));
    }

    @Test
    void listsTheNewestDeadLettersWithTheirErrors() {
        Job first = q.jobIn(JobState.FAILED);
        Job second = q.jobIn(JobState.FAILED);
        List<Job> listed = q.deadLetters.newest(q.demo, 1);
        assertEquals(1, listed.size());
        assertTrue(List.of(first.id(), second.id()).contains(listed.get(0).id()));
        assertEquals("poison", listed.get(0).error().orElseThrow().code());
        assertEquals(2, q.deadLetters.newest(q.demo, 10).size());
    }

    private static QueueMonitor monitor() {
        return new QueueMonitor(redis.client(), new WorkerRegistry(redis.scripts()));
    }
}
