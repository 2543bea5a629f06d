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
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

/** Reads job records: one job, or a page of the newest jobs of some demos. */
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

    /** The records of some jobs of one demo, in the order given; records removed meanwhile are skipped. */
    public List<Job> getAll(String demo, Collection<String> ids) {
        QueueKeys k = new QueueKeys(demo);
        return read(ids.stream().map(id -> new IndexEntry(k, 0, id)).toList());
    }

    /** The newest {@code limit} jobs of the given demos, optionally only those in {@code state}: the first {@link #page}. */
    public List<Job> newest(Collection<String> demos, Optional<JobState> state, int limit) {
        return page(demos, state, limit, Optional.empty()).jobs();
    }

    /**
     * A page of the newest jobs of the given demos, optionally only those in {@code state}:
     * newest by creation time, or with a state by when they entered it; ties by id, highest first.
     *
     * @param after where the previous page ended; empty for the first page
     */
    public JobPage page(Collection<String> demos, Optional<JobState> state, int limit, Optional<JobCursor> after) {
        List<IndexEntry> entries = new ArrayList<>();
        for (String demo : demos) {
            QueueKeys k = new QueueKeys(demo);
            RScoredSortedSet<String> index = redisson.getScoredSortedSet(state.map(k::state).orElse(k.created()), StringCodec.INSTANCE);
            // One more than a page tells whether another page follows.
            entries.addAll(after.map(cursor -> entriesAfter(k, index, cursor, limit + 1)).orElseGet(() ->
                    entries(k, index.entryRangeReversed(0, limit))));
        }
        entries.sort(IndexEntry.NEWEST_FIRST);
        List<IndexEntry> page = entries.subList(0, Math.min(limit, entries.size()));
        Optional<JobCursor> next = entries.size() > limit ? Optional.of(page.get(page.size() - 1).cursor()) : Optional.empty();
        return new JobPage(read(page), next);
    }

    /** The entries of one index that come after the cursor, newest first: those of its score with a lower id, then older ones. */
    private static List<IndexEntry> entriesAfter(QueueKeys k, RScoredSortedSet<String> index, JobCursor cursor, int count) {
        List<IndexEntry> entries = new ArrayList<>();
        for (IndexEntry tied : entries(k, index.entryRangeReversed(cursor.score(), true, cursor.score(), true))) {
            if (tied.id().compareTo(cursor.id()) < 0) {
                entries.add(tied);
            }
        }
        entries.addAll(entries(k, index.entryRangeReversed(Double.NEGATIVE_INFINITY, true, cursor.score(), false, 0, count)));
        return entries;
    }

    private static List<IndexEntry> entries(QueueKeys k, Collection<ScoredEntry<String>> scored) {
        return scored.stream().map(e -> new IndexEntry(k, e.getScore().longValue(), e.getValue())).toList();
    }

    /** Reads the records of a page in one pipelined batch, in its order; records removed meanwhile are skipped. */
    private List<Job> read(List<IndexEntry> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        RBatch batch = redisson.createBatch();
        for (IndexEntry entry : page) {
            batch.<String, String>getMap(entry.keys().jobPrefix() + entry.id(), StringCodec.INSTANCE).readAllMapAsync();
        }
        return records(batch);
    }

    /** One job in a demo's index, as the index lists it. */
    private record IndexEntry(QueueKeys keys, long score, String id) {
        static final Comparator<IndexEntry> NEWEST_FIRST = Comparator.comparingLong(IndexEntry::score).thenComparing(IndexEntry::id).reversed();

        JobCursor cursor() {
            return new JobCursor(score, id);
        }
    }

    private static List<Job> records(RBatch batch) {
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
