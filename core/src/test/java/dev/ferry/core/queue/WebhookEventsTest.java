package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.webhook.EventKind;
import dev.ferry.core.webhook.PendingDelivery;
import dev.ferry.core.webhook.Webhook;
import dev.ferry.testkit.RedisForTests;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transition scripts record a job's webhook events in the same step as the transition, on a real redis-server. */
class WebhookEventsTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();

    private static JobId submit(FreshQueue q, EventKind... events) {
        JobId id = JobId.generate(q.demo, System.currentTimeMillis());
        q.submissions.submit(new NewJob(id, Map.of(), Priority.NORMAL, 2, 60_000, Optional.empty(),
                Optional.of(new Webhook(URI.create("https://example.com/hook"), List.of(events), Webhook.DEFAULT_FORMAT))));
        return id;
    }

    private static List<PendingDelivery> recorded(FreshQueue q) {
        return new WebhookOutbox(redis.scripts(), Duration.ofMinutes(5)).take(q.demo, "test-dispatcher", 100, Duration.ofMinutes(1));
    }

    private static List<String> kinds(List<PendingDelivery> deliveries) {
        return deliveries.stream().map(d -> d.event().kind().wireName()).toList();
    }

    @Test
    void eachTransitionRecordsItsEventWithTheRecordAfterIt() {
        FreshQueue q = new FreshQueue(redis);
        JobId id = submit(q, EventKind.values());
        Job job = q.worker.claim(q.demo, 1).get(0);
        q.worker.progress(id, 1, 2, "half");
        q.worker.complete(job, "{\"ok\": true}", List.of());

        List<PendingDelivery> recorded = recorded(q);
        assertEquals(List.of("started", "progress", "completed"), kinds(recorded));
        assertEquals(List.of(1L, 2L, 3L), recorded.stream().map(d -> d.event().sequence()).toList());
        assertEquals(JobState.RUNNING, recorded.get(0).event().job().state());
        assertEquals("half", recorded.get(1).event().job().progress().message());
        assertEquals(JobState.SUCCEEDED, recorded.get(2).event().job().state());
        assertEquals("evt_" + id + "_3", recorded.get(2).event().id());
    }

    @Test
    void onlyTheEventsTheWebhookAsksForAreRecorded() {
        FreshQueue q = new FreshQueue(redis);
        JobId id = submit(q, EventKind.COMPLETED);
        Job job = q.worker.claim(q.demo, 1).get(0);
        q.worker.progress(id, 1, 2, "half");
        q.worker.complete(job, "{}", List.of());
        assertEquals(List.of("completed"), kinds(recorded(q)));
    }

    @Test
    void aJobWithoutAWebhookRecordsNothing() {
        FreshQueue q = new FreshQueue(redis);
        q.jobIn(JobState.SUCCEEDED);
        assertTrue(recorded(q).isEmpty());
    }

    @Test
    void aFailureCompletesOnlyWhenNoRetryFollows() {
        FreshQueue q = new FreshQueue(redis);
        submit(q, EventKind.COMPLETED);
        Job job = q.worker.claim(q.demo, 1).get(0);
        q.worker.fail(job, new JobError(ErrorCode.INTERNAL_ERROR, "retryable"), true, 0);
        assertTrue(recorded(q).isEmpty(), "queued again for a retry: not completed");

        q.maintenance.promoteDue(q.demo);
        Job again = q.worker.claim(q.demo, 1).get(0);
        q.worker.fail(again, new JobError(ErrorCode.INTERNAL_ERROR, "retryable"), true, 0);
        List<PendingDelivery> recorded = recorded(q);
        assertEquals(List.of("completed"), kinds(recorded));
        assertEquals(JobState.FAILED, recorded.get(0).event().job().state());
    }

    @Test
    void cancelsAndLostWorkersComplete() {
        FreshQueue q = new FreshQueue(redis);
        JobId queued = submit(q, EventKind.COMPLETED);
        q.submissions.cancel(queued);
        submit(q, EventKind.COMPLETED);
        q.worker.claim(q.demo, 1);
        q.maintenance.reclaim(q.demo, FreshQueue.WORKER, 1);

        List<PendingDelivery> recorded = recorded(q);
        assertEquals(List.of(JobState.CANCELLED, JobState.FAILED), recorded.stream().map(d -> d.event().job().state()).toList());
    }
}
