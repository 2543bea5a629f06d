package dev.ferry.worker.claim;

import dev.ferry.core.job.Job;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.worker.health.Pulse;
import dev.ferry.worker.run.Lifecycle;
import dev.ferry.worker.run.RunningJobs;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that takes jobs: claims as many as there are free slots, across the
 * served demos with a rotating first demo so none starves, hands each to {@code dispatch},
 * and sleeps on the {@link Doorbell} when there was nothing to take. The fallback poll
 * covers wake-ups lost while a pub/sub connection was down.
 */
public final class ClaimLoop implements Runnable {
    static final long POLL_MS = 1_000;
    /** The longest an idle loop sleeps between two rounds (a wake-up cuts it short). */
    public static final Duration IDLE_WAIT = Duration.ofMillis(POLL_MS);
    private static final Logger LOG = LoggerFactory.getLogger(ClaimLoop.class);
    private final WorkQueue queue;
    private final RedissonClient redis;
    private final List<String> demos;
    private final int concurrency;
    private final RunningJobs running;
    private final Doorbell doorbell;
    private final Lifecycle lifecycle;
    private final Consumer<Job> dispatch;
    private final Pulse pulse;
    private int first;
    private boolean failing;

    public ClaimLoop(WorkQueue queue, RedissonClient redis, List<String> demos, int concurrency, RunningJobs running,
            Doorbell doorbell, Lifecycle lifecycle, Consumer<Job> dispatch, Pulse pulse) {
        this.queue = queue;
        this.redis = redis;
        this.demos = List.copyOf(demos);
        this.concurrency = concurrency;
        this.running = running;
        this.doorbell = doorbell;
        this.lifecycle = lifecycle;
        this.dispatch = dispatch;
        this.pulse = pulse;
    }

    @Override
    public void run() {
        try {
            while (!lifecycle.stopping()) {
                pulse.tick();
                if (claimOnce() == 0) {
                    doorbell.await(POLL_MS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One round over the demos; returns how many jobs were taken (0 also when no slot was free). */
    int claimOnce() {
        int free = concurrency - running.size();
        if (free <= 0) {
            return 0;
        }
        int taken = 0;
        String demo = demos.get(first);
        try {
            for (int i = 0; i < demos.size() && taken < free && !lifecycle.stopping(); i++) {
                demo = demos.get((first + i) % demos.size());
                pulse.tick();
                List<Job> jobs = queue.claim(demo, free - taken);
                for (Job job : jobs) {
                    dispatch.accept(job);
                }
                taken += jobs.size();
            }
            first = (first + 1) % demos.size();
            if (failing) {
                LOG.info("claiming jobs again");
                failing = false;
            }
        } catch (RuntimeException | Error e) {
            recover(demo, e);
        }
        return taken;
    }

    private void recover(String demo, Throwable e) {
        if (lifecycle.stopping()) {
            return;
        }
        if (!failing) {
            LOG.warn("could not claim jobs of {} ({}); retrying every {} ms", demo, e.toString(), POLL_MS);
            failing = true;
        }
        // A Redis that lost its data (restarted without persistence) also lost the consumer groups.
        try {
            WorkQueue.ensureGroups(redis, demo);
        } catch (RuntimeException ignored) {
            // Still unreachable; the next round tries again.
        }
    }
}
