package dev.ferry.compat.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.core.config.CompatSettings;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.NewJob;
import dev.ferry.core.queue.Submissions;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TestDemoNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The waiting room against a real Redis: with its one seat taken the next client is refused, until the job ends. */
class ResultWaitsTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();

    @Test
    void aFullRoomRefusesAtTheDoorAndASeatFreesWhenItsJobEnds() throws Exception {
        Submissions submissions = new Submissions(redis.scripts(), 100, Duration.ofMinutes(5));
        ResultWaits waits = new ResultWaits(redis.client(), submissions,
                new CompatSettings(Set.of(), Duration.ofMinutes(10), 1, "wlasl8", "/dsac"));
        String demo = TestDemoNames.fresh("wait");
        List<JobId> queued = new ArrayList<>();
        Supplier<Job> submit = () -> {
            JobId id = JobId.generate(demo, System.currentTimeMillis());
            submissions.submit(new NewJob(id, Map.of(), Priority.NORMAL, 1, 60_000, Optional.empty()));
            queued.add(id);
            return new JobReader(redis.client()).get(id).orElseThrow();
        };

        CompletableFuture<Optional<Job>> first = waits.submitAndWait(submit);
        assertThrows(TooBusy.class, () -> waits.submitAndWait(submit));
        assertEquals(1, queued.size(), "a refused client queues nothing");
        assertFalse(first.isDone());

        submissions.cancel(queued.get(0));
        assertEquals(JobState.CANCELLED, first.get(30, TimeUnit.SECONDS).orElseThrow().state());
        CompletableFuture<Optional<Job>> next = waits.submitAndWait(submit);
        assertEquals(2, queued.size(), "the seat was given back");
        submissions.cancel(queued.get(1));
        next.get(30, TimeUnit.SECONDS);
    }
}
