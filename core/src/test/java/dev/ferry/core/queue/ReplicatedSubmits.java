package dev.ferry.core.queue;

import dev.ferry.core.config.RedisSettings;
import dev.ferry.core.config.ReplicaWait;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.Priority;
import dev.ferry.core.redis.RedisConnector;
import dev.ferry.core.redis.RedisNode;
import dev.ferry.core.redis.SentinelGroup;
import dev.ferry.testkit.TestDemoNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.redisson.api.RedissonClient;

/** Submits to the master of a {@link SentinelGroup}, and checks which jobs a node holds. */
final class ReplicatedSubmits {
    private static final int IN_FLIGHT = 20;
    private final String demo = TestDemoNames.fresh("repl");

    /**
     * Keeps {@value #IN_FLIGHT} submits in flight and kills the master with -9 once {@code killAfter}
     * were acknowledged, while the others are on their way.
     *
     * @return the acknowledged jobs
     */
    List<JobId> untilTheMasterDies(SentinelGroup group, ReplicaWait wait, int killAfter) {
        RedissonClient redis = client(group.master());
        ConcurrentLinkedQueue<JobId> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            Submissions submissions = submissions(redis, wait);
            List<CompletableFuture<?>> inFlight = new ArrayList<>();
            while (acknowledged.size() < killAfter) {
                JobId id = newId();
                inFlight.add(submissions.submitAsync(newJob(id)).thenRun(() -> acknowledged.add(id)).toCompletableFuture());
                if (inFlight.size() >= IN_FLIGHT) {
                    inFlight.remove(0).handle((ok, error) -> null).join();
                }
            }
            group.master().kill();
            inFlight.forEach(f -> f.handle((ok, error) -> null).join());
            return List.copyOf(acknowledged);
        } finally {
            redis.shutdown();
        }
    }

    /** One submit, waited for; its job's id. */
    JobId one(RedisNode master, ReplicaWait wait) {
        RedissonClient redis = client(master);
        try {
            JobId id = newId();
            submissions(redis, wait).submit(newJob(id));
            return id;
        } finally {
            redis.shutdown();
        }
    }

    List<JobId> missingOn(RedisNode node, List<JobId> ids) {
        RedissonClient redis = client(node);
        try {
            JobReader reader = new JobReader(redis);
            return ids.stream().filter(id -> reader.get(id).isEmpty()).toList();
        } finally {
            redis.shutdown();
        }
    }

    Submissions submissions(RedissonClient redis, ReplicaWait wait) {
        return new Submissions(new RedisScripts(redis), Integer.MAX_VALUE, Duration.ofMinutes(5), wait);
    }

    JobId newId() {
        return JobId.generate(demo, System.currentTimeMillis());
    }

    static NewJob newJob(JobId id) {
        return new NewJob(id, Map.of(), Priority.NORMAL, 1, 60_000, Optional.empty());
    }

    static RedissonClient client(RedisNode node) {
        return RedisConnector.connect(new RedisSettings(Optional.of(node.address()), Optional.empty(), Optional.empty(),
                Set.of(), Set.of(), node.port(), ReplicaWait.OFF), node.address());
    }
}
