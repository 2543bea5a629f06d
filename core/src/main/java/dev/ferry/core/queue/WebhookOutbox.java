package dev.ferry.core.queue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import dev.ferry.core.webhook.DeliveryAttempt;
import dev.ferry.core.webhook.EventKind;
import dev.ferry.core.webhook.PendingDelivery;
import dev.ferry.core.webhook.WebhookEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.redisson.api.RList;
import org.redisson.api.RMap;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * The Redis side of webhooks: the events the transition scripts recorded, taken by a
 * dispatcher and settled once delivered, given up or scheduled again; the delivery log; the
 * events kept for replay; and the URLs that said they are gone.
 */
public final class WebhookOutbox {
    private static final TypeReference<List<String>> FLAT = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
    private final RedisScripts scripts;
    private final RedissonClient redisson;
    private final Duration keep;

    /** @param keep how long a job's delivery log and replayable events are kept after their last change */
    public WebhookOutbox(RedisScripts scripts, Duration keep) {
        this.scripts = scripts;
        this.redisson = scripts.redisson();
        this.keep = keep;
    }

    /** New events, events a dead dispatcher left, and retries now due; each is leased to this dispatcher. */
    public List<PendingDelivery> take(String demo, String dispatcher, int most, Duration lease) {
        QueueKeys k = new QueueKeys(demo);
        List<Object> reply = scripts.run(QueueScript.WEBHOOK_TAKE, ReturnType.MULTI,
                List.of(k.webhooks(), k.webhookRetries(), k.webhookAttempts()),
                QueueKeys.DISPATCHERS, dispatcher, most, lease.toMillis());
        List<PendingDelivery> taken = new ArrayList<>();
        for (Object item : reply) {
            List<?> entry = (List<?>) item;
            Map<String, String> fields = fields((List<?>) entry.get(2));
            taken.add(new PendingDelivery(demo, String.valueOf(entry.get(0)), ((Number) entry.get(1)).intValue(), fields,
                    event(fields)));
        }
        return taken;
    }

    /** The delivery is done with: delivered or given up. */
    public void settle(PendingDelivery delivery, int attemptsMade) {
        settle(delivery, attemptsMade, "");
    }

    public void retryLater(PendingDelivery delivery, int attemptsMade, Duration wait) {
        settle(delivery, attemptsMade, wait.toMillis());
    }

    private void settle(PendingDelivery delivery, int attemptsMade, Object delayMs) {
        QueueKeys k = new QueueKeys(delivery.demo());
        scripts.run(QueueScript.WEBHOOK_SETTLE, ReturnType.INTEGER,
                List.of(k.webhooks(), k.webhookRetries(), k.webhookAttempts()),
                QueueKeys.DISPATCHERS, delivery.entryId(), attemptsMade, delayMs);
    }

    public void log(JobId job, DeliveryAttempt attempt) {
        RList<String> log = redisson.getList(new QueueKeys(job.demo()).webhookLog(job), StringCodec.INSTANCE);
        log.add(Json.write(attempt));
        log.expire(keep);
    }

    public List<DeliveryAttempt> log(JobId job) {
        RList<String> log = redisson.getList(new QueueKeys(job.demo()).webhookLog(job), StringCodec.INSTANCE);
        return log.readAll().stream().map(line -> Json.read(line, DeliveryAttempt.class)).toList();
    }

    /** Keeps a settled event, so it can be replayed. */
    public void keepForReplay(PendingDelivery delivery) {
        WebhookEvent event = delivery.event();
        RMap<String, String> sent = sent(event.job().id());
        sent.fastPut(event.kind().wireName() + ":" + event.sequence(), Json.write(delivery.fields()));
        sent.expire(keep);
    }

    /** Queues the job's kept events again, oldest first; returns how many. */
    public int replay(JobId job, Predicate<WebhookEvent> which) {
        List<Map<String, String>> events = new ArrayList<>();
        for (String json : sent(job).readAllValues()) {
            Map<String, String> fields = parse(json, FIELDS);
            if (which.test(event(fields))) {
                events.add(fields);
            }
        }
        events.sort(Comparator.comparingLong(fields -> Long.parseLong(fields.get("sequence"))));
        for (Map<String, String> fields : events) {
            redisson.<String, String>getStream(new QueueKeys(job.demo()).webhooks(), StringCodec.INSTANCE)
                    .add(StreamAddArgs.entries(fields));
        }
        return events.size();
    }

    public void markGone(URI url) {
        redisson.getSet(QueueKeys.WEBHOOKS_GONE, StringCodec.INSTANCE).add(url.toString());
    }

    public boolean isGone(URI url) {
        return redisson.getSet(QueueKeys.WEBHOOKS_GONE, StringCodec.INSTANCE).contains(url.toString());
    }

    /** Events not yet delivered or given up, over the demos: each stays in its stream until then. */
    public long pending(Collection<String> demos) {
        long pending = 0;
        for (String demo : demos) {
            pending += redisson.getStream(new QueueKeys(demo).webhooks(), StringCodec.INSTANCE).size();
        }
        return pending;
    }

    private RMap<String, String> sent(JobId job) {
        return redisson.getMap(new QueueKeys(job.demo()).webhookSent(job), StringCodec.INSTANCE);
    }

    private static WebhookEvent event(Map<String, String> fields) {
        Job job = JobRecord.fromFlat(parse(fields.get("record"), FLAT));
        long sequence = Long.parseLong(fields.get("sequence"));
        EventKind kind = EventKind.parse(fields.get("event")).orElseThrow();
        return new WebhookEvent("evt_" + job.id() + "_" + sequence, kind, sequence, job);
    }

    private static Map<String, String> fields(List<?> flat) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return fields;
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
