package dev.ferry.api.jobs;

import dev.ferry.api.http.AcceptHeader;
import dev.ferry.api.http.ApiException;
import dev.ferry.api.http.SseResponse;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.QueueKeys;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * GET /api/v1/jobs/{id}/events: Server-Sent Events of one job, ending after its final state.
 * An unknown job is a 404 before the stream opens; an Accept header that rules the stream out, a 406.
 */
public final class JobEventsHandler implements Handler, AutoCloseable {
    /**
     * Streams that follow their job's channel at once; the others poll it every second. Below
     * the 250 channels Redisson's default pool holds, leaving room for the process's other
     * subscribers (workers' doorbells, the compatibility protocols' waiting requests).
     */
    static final int MAX_SUBSCRIPTIONS = 128;
    private final JobLookup lookup;
    private final JobReader reader;
    private final RedissonClient redis;
    private final ScheduledExecutorService timer;
    private final JobViews views;
    private final Set<JobEventStream> open = ConcurrentHashMap.newKeySet();
    private final Semaphore subscriptions = new Semaphore(MAX_SUBSCRIPTIONS);

    public JobEventsHandler(JobReader reader, RedissonClient redis, ScheduledExecutorService timer, JobViews views) {
        this.lookup = new JobLookup(reader);
        this.reader = reader;
        this.redis = redis;
        this.timer = timer;
        this.views = views;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        JobId id = JobLookup.id(ctx);
        lookup.job(id);
        if (!AcceptHeader.allows(Collections.list(ctx.req().getHeaders("Accept")), SseResponse.EVENT_STREAM)) {
            throw new ApiException(ErrorCode.NOT_ACCEPTABLE, "job events are only sent as text/event-stream, which this"
                    + " request's Accept header rules out: send 'Accept: text/event-stream' or none");
        }
        long lastSeen = lastEventId(ctx.header("Last-Event-ID"));
        SseResponse.open(ctx, client -> follow(id, lastSeen, client));
    }

    private void follow(JobId id, long lastSeen, SseClient client) {
        client.keepAlive();
        JobEventStream stream = new JobEventStream(id, lastSeen, reader, views,
                redis.getTopic(new QueueKeys(id.demo()).events(id), StringCodec.INSTANCE), timer, client, subscriptions);
        open.add(stream);
        client.onClose(() -> {
            stream.stop();
            open.remove(stream);
        });
        stream.start();
    }

    /** A missing or unreadable id means the client has seen nothing. */
    static long lastEventId(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Ends the streams still open when the server stops, releasing their channels. */
    @Override
    public void close() {
        for (JobEventStream stream : open) {
            try {
                stream.end();
            } catch (RuntimeException e) {
                stream.stop();
            }
        }
        open.clear();
    }
}
