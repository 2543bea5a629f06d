package dev.ferry.core.queue;

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
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * A demo queue no other test touches, with the API's and one worker's handles on it, and
 * jobs driven through the scripts into the state a test needs.
 */
final class FreshQueue {
    static final String WORKER = "worker-a";
    final String demo = TestDemoNames.fresh("t");
    final Submissions submissions;
    final WorkQueue worker;
    final Maintenance maintenance;
    final DeadLetters deadLetters;
    final QueuePause pause;
    private final RedissonClient redis;

    FreshQueue(RedisForTests server) {
        redis = server.client();
        WorkQueue.ensureGroups(redis, demo);
        submissions = new Submissions(server.scripts(), 100, Duration.ofMinutes(5));
        worker = new WorkQueue(server.scripts(), WORKER);
        maintenance = new Maintenance(server.scripts());
        deadLetters = new DeadLetters(server.scripts(), new JobReader(redis));
        pause = new QueuePause(server.scripts());
    }

    JobId submit() {
        JobId id = JobId.generate(demo, System.currentTimeMillis());
        submissions.submit(new NewJob(id, Map.of(), Priority.NORMAL, 2, 60_000, Optional.empty()));
        return id;
    }

    /**
     * A new job in {@code state}, running (if it got that far) on {@link #WORKER}. A failed
     * job is a dead letter, so that an operator's retry and delete apply to it.
     */
    Job jobIn(JobState state) {
        JobId id = submit();
        switch (state) {
            case QUEUED -> { }
            case RUNNING -> claim();
            case SUCCEEDED -> worker.complete(claim(), "{}", List.of());
            case FAILED -> failAsADeadLetter();
            case CANCELLED -> submissions.cancel(id);
        }
        return new JobReader(redis).get(id).orElseThrow();
    }

    /** A queued job in the delayed set, its retry due at once. */
    Job waitingForRetry() {
        return worker.fail(jobIn(JobState.RUNNING), new JobError(ErrorCode.INTERNAL_ERROR, "retryable"), true, 0);
    }

    /** The job's record field by field; empty once it is forgotten. */
    Map<String, String> record(JobId id) {
        return redis.<String, String>getMap(new QueueKeys(demo).job(id), StringCodec.INSTANCE).readAllMap();
    }

    Optional<JobState> state(JobId id) {
        return Optional.ofNullable(record(id).get("state")).map(JobState::fromWire);
    }

    /** Claimed, then its worker declared dead with a poison threshold of one death: failed, a dead letter. */
    private void failAsADeadLetter() {
        claim();
        maintenance.reclaim(demo, WORKER, 1);
    }

    private Job claim() {
        return worker.claim(demo, 1).get(0);
    }
}
