package dev.ferry.core.queue;

import java.util.List;
import org.redisson.api.RScript.ReturnType;
import org.redisson.client.codec.StringCodec;

/**
 * An operator's switch on one demo's queue. While it is paused, submits are still accepted
 * and queued, but workers claim none of its jobs (claim reads the same flag atomically);
 * resuming wakes the workers.
 */
public final class QueuePause {
    private final RedisScripts scripts;

    public QueuePause(RedisScripts scripts) {
        this.scripts = scripts;
    }

    /** @return true when the queue was running until now */
    public boolean pause(String demo) {
        Long changed = scripts.run(QueueScript.PAUSE, ReturnType.INTEGER, List.of(new QueueKeys(demo).paused()));
        return changed != null && changed == 1L;
    }

    /** @return true when the queue was paused until now */
    public boolean resume(String demo) {
        QueueKeys k = new QueueKeys(demo);
        Long changed = scripts.run(QueueScript.RESUME, ReturnType.INTEGER, List.of(k.paused()), k.wake());
        return changed != null && changed == 1L;
    }

    public boolean isPaused(String demo) {
        return scripts.redisson().getBucket(new QueueKeys(demo).paused(), StringCodec.INSTANCE).isExists();
    }
}
