package dev.ferry.core.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.job.JobId;
import dev.ferry.core.job.Priority;
import dev.ferry.testkit.RedisForTests;
import dev.ferry.testkit.TestDemoNames;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every API and worker calls ensureGroups at start; calling it again must leave the queue as it is. */
class EnsureGroupsTest {
    @RegisterExtension
    static final RedisForTests redis = new RedisForTests();

    @Test
    void repeatedCallsKeepQueuedJobs() {
        String demo = TestDemoNames.fresh("groups");
        WorkQueue.ensureGroups(redis.client(), demo);
        Submissions submissions = new Submissions(redis.scripts(), 10, Duration.ofMinutes(1));
        JobId id = JobId.generate(demo, System.currentTimeMillis());
        submissions.submit(new NewJob(id, Map.of(), Priority.HIGH, 1, 1000, Optional.empty()));

        WorkQueue.ensureGroups(redis.client(), demo);
        WorkQueue.ensureGroups(redis.client(), demo);

        assertEquals(id, new WorkQueue(redis.scripts(), "w").claim(demo, 5).get(0).id());
        assertEquals(true, new WorkerRegistry(redis.scripts()).knownDemos().contains(demo));
    }
}
