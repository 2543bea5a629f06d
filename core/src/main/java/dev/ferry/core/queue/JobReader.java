package dev.ferry.core.queue;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.RBatch;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/** Reads job records: one job, or the newest jobs of some demos. */
public final class JobReader {
    private final RedissonClient redisson;

    public JobReader(RedissonClient redisson) {
        this.redisson = redisson;
    }

    public Optional<Job> get(JobId id) {
        Map<String, String> fields = redisson.<String, String>getMap(new QueueKeys(id.demo()).job(id), StringCodec.INSTANCE)
                .readAllMap();
        return fields.isEmpty() ? Optional.empty() : Optional.of(JobRecord.fromMap(fields));
    }

    /** The newest {@code limit} jobs of the given demos, optionally only those in {@code state}. */
    public List<Job> newest(Collection<String> demos, Optional<JobState> state, int limit) {
        List<Job> jobs = new ArrayList<>();
        for (String demo : demos) {
            QueueKeys k = new QueueKeys(demo);
            String index = state.map(k::state).orElse(k.created());
            Collection<String> ids = redisson.<String>getScoredSortedSet(index, StringCodec.INSTANCE)
                    .valueRangeReversed(0, limit - 1);
            jobs.addAll(read(k, ids));
        }
        jobs.sort(Comparator.comparing(Job::createdAt).reversed());
        return jobs.size() > limit ? jobs.subList(0, limit) : jobs;
    }

    /** Reads many records in one pipelined batch; records removed meanwhile are skipped. */
    private List<Job> read(QueueKeys k, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        RBatch batch = redisson.createBatch();
        for (String id : ids) {
            batch.<String, String>getMap(k.jobPrefix() + id, StringCodec.INSTANCE).readAllMapAsync();
        }
        List<Job> jobs = new ArrayList<>();
        for (Object response : batch.execute().getResponses()) {
            @SuppressWarnings("unchecked")
            Map<String, String> fields = (Map<String, String>) response;
            if (!fields.isEmpty()) {
                jobs.add(JobRecord.fromMap(fields));
            }
        }
        return jobs;
    }
}
