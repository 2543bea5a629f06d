package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.QueueKeys;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * GET /api/v1/jobs/{id}/events: Server-Sent Events of one job, ending after its final state.
 * An unknown job is a 404 before the stream opens.
 */
public final class JobEventsHandler implements Handler, AutoCloseable {
    private static final String EVENT_STREAM = "text/event-stream";
    private final JobLookup lookup;
    private final JobReader reader;
    private final RedissonClient redis;
    private final ScheduledExecutorService timer;
    private final Set<JobEventStream> open = ConcurrentHashMap.newKeySet();

    public JobEventsHandler(JobReader reader, RedissonClient redis, ScheduledExecutorService timer) {
        this.lookup = new JobLookup(reader);
        this.reader = reader;
        this.redis = redis;
        this.timer = timer;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        JobId id = JobLookup.id(ctx);
        lookup.job(id);
        if (!EVENT_STREAM.equals(ctx.header("Accept"))) {
            // Javalin streams only to exactly this Accept header; say so instead of answering nothing.
            throw new ApiException(ErrorCode.NOT_ACCEPTABLE, "job events are a stream: send 'Accept: text/event-stream'");
        }
        long lastSeen = lastEventId(ctx.header("Last-Event-ID"));
        new SseHandler(client -> follow(id, lastSeen, client)).handle(ctx);
    }

    private void follow(JobId id, long lastSeen, SseClient client) {
        client.keepAlive();
        JobEventStream stream = new JobEventStream(id, lastSeen, reader,
                redis.getTopic(new QueueKeys(id.demo()).events(id), StringCodec.INSTANCE), timer, client);
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
