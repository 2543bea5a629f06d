package dev.ferry.worker.claim;

import dev.ferry.core.queue.QueueKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.MessageListener;
import org.redisson.client.codec.StringCodec;

/**
 * The worker's pub/sub subscriptions: each served demo's {@code wake} channel (jobs were
 * queued) and {@code cancel} channel (a running job was cancelled; the message is its id).
 * Pub/sub can miss messages while a connection is re-established, which is why the claim
 * loop also polls and why progress reports carry the cancel flag too.
 */
public final class QueueSignals {
    private final List<Subscription> subscriptions;

    private QueueSignals(List<Subscription> subscriptions) {
        this.subscriptions = subscriptions;
    }

    private record Subscription(RTopic topic, int listener) {}

    public static QueueSignals subscribe(RedissonClient redis, Collection<String> demos, Runnable onWake, Consumer<String> onCancel) {
        List<Subscription> subscriptions = new ArrayList<>();
        MessageListener<String> wake = (channel, message) -> onWake.run();
        MessageListener<String> cancel = (channel, message) -> onCancel.accept(message);
        for (String demo : demos) {
            QueueKeys k = new QueueKeys(demo);
            subscriptions.add(listen(redis, k.wake(), wake));
            subscriptions.add(listen(redis, k.cancel(), cancel));
        }
        return new QueueSignals(subscriptions);
    }

    private static Subscription listen(RedissonClient redis, String channel, MessageListener<String> listener) {
        RTopic topic = redis.getTopic(channel, StringCodec.INSTANCE);
        return new Subscription(topic, topic.addListener(String.class, listener));
    }

    /** Unsubscribes without waiting for Redis, so a stop never hangs on an unreachable server. */
    public void close() {
        for (Subscription s : subscriptions) {
            try {
                s.topic().removeListenerAsync(s.listener());
            } catch (RuntimeException ignored) {
                // The client may already be shut down; its subscriptions went with it.
            }
        }
    }
}
