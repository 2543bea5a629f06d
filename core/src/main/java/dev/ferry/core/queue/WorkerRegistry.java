package dev.ferry.core.queue;

import dev.ferry.core.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScript.ReturnType;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;

/** Worker heartbeats: who is alive, what each is doing, and who stopped beating. */
public final class WorkerRegistry {
    private final RedisScripts scripts;

    public WorkerRegistry(RedisScripts scripts) {
        this.scripts = scripts;
    }

    /** Records a beat; the record outlives the dead-after period so monitors can still show a dead worker. */
    public void beat(WorkerInfo info, Duration deadAfter) {
        scripts.run(QueueScript.HEARTBEAT, ReturnType.INTEGER, List.of(QueueKeys.WORKERS, QueueKeys.worker(info.id())),
                info.id(), Json.write(info), deadAfter.multipliedBy(10).toMillis());
    }

    public List<String> dead(Duration deadAfter) {
        List<Object> ids = scripts.run(QueueScript.DEAD_WORKERS, ReturnType.MULTI, List.of(QueueKeys.WORKERS), deadAfter.toMillis());
        return ids.stream().map(String::valueOf).toList();
    }

    /** Removes a worker whose jobs were reclaimed, or that stopped cleanly. */
    public void forget(String workerId) {
        scripts.redisson().getScoredSortedSet(QueueKeys.WORKERS, StringCodec.INSTANCE).remove(workerId);
        scripts.redisson().getBucket(QueueKeys.worker(workerId), StringCodec.INSTANCE).delete();
    }

    /** Every registered worker with its heartbeat age, measured on the Redis clock. */
    public List<WorkerStatus> all() {
        long now = redisTimeMs();
        RScoredSortedSet<String> index = scripts.redisson().getScoredSortedSet(QueueKeys.WORKERS, StringCodec.INSTANCE);
        Collection<ScoredEntry<String>> entries = index.entryRange(0, -1);
        List<WorkerStatus> out = new ArrayList<>();
        for (ScoredEntry<String> entry : entries) {
            Object json = scripts.redisson().getBucket(QueueKeys.worker(entry.getValue()), StringCodec.INSTANCE).get();
            if (json != null) {
                out.add(new WorkerStatus(Json.read((String) json, WorkerInfo.class), now - entry.getScore().longValue()));
            }
        }
        return out;
    }

    /** Demos any API or worker has registered; reclaiming walks them all. */
    public Set<String> knownDemos() {
        return scripts.redisson().<String>getSet(QueueKeys.DEMOS, StringCodec.INSTANCE).readAll();
    }

    public long redisTimeMs() {
        Long now = scripts.run(QueueScript.CLOCK, ReturnType.INTEGER, List.of());
        return now;
    }
}
