package dev.ferry.api.jobs;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.queue.JobReader;
import io.javalin.http.sse.SseClient;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client following one job. The job's pub/sub channel says when to look, a one-second
 * poll covers messages pub/sub dropped (and serves alone past the server's subscriptions); each look re-reads the record and sends it when its
 * version is newer than the last one sent. The version is the SSE id, so a client that
 * reconnects with Last-Event-ID gets only what it has not seen.
 */
final class JobEventStream {
    private static final Logger LOG = LoggerFactory.getLogger(JobEventStream.class);
    static final long POLL_MS = 1_000;
    static final long KEEP_ALIVE_MS = 15_000;

    private final JobId id;
    private final JobReader reader;
    private final JobViews views;
    private final RTopic topic;
    private final ScheduledExecutorService timer;
    private final SseClient client;
    private final Semaphore subscriptions;
    private long lastVersion;
    private Optional<JobState> lastState = Optional.empty();
    private int listener = -1;
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> keepAlive;
    private boolean stopped;

    JobEventStream(JobId id, long lastSeenVersion, JobReader reader, JobViews views, RTopic topic, ScheduledExecutorService timer,
            SseClient client, Semaphore subscriptions) {
        this.id = id;
        this.lastVersion = lastSeenVersion;
        this.reader = reader;
        this.views = views;
        this.topic = topic;
        this.timer = timer;
        this.client = client;
        this.subscriptions = subscriptions;
    }

    /**
     * Subscribes to the job's channel when one of the {@code subscriptions} is free, else polls
     * only. Subscribing is asynchronous so that no thread waits on it; past Redisson's pool of
     * subscriptions a subscribe would wait, time out, and could leave its channel subscribed.
     */
    synchronized void start() {
        if (subscriptions.tryAcquire()) {
            try {
                // Hop off Redisson's I/O thread before reading the record, or before taking this stream's lock.
                topic.addListenerAsync(String.class, (channel, version) -> timer.execute(this::look))
                        .whenComplete((listenerId, failure) -> timer.execute(() -> subscribed(listenerId, failure)));
            } catch (RuntimeException e) {
                subscriptions.release();
                LOG.warn("cannot follow the events of job {}, polling only: {}", id, e.toString());
            }
        }
        poll = timer.scheduleWithFixedDelay(this::look, 0, POLL_MS, TimeUnit.MILLISECONDS);
        keepAlive = timer.scheduleAtFixedRate(this::ping, KEEP_ALIVE_MS, KEEP_ALIVE_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void subscribed(Integer listenerId, Throwable failure) {
        if (failure != null) {
            subscriptions.release();
            LOG.warn("cannot follow the events of job {}, polling only: {}", id, failure.toString());
        } else if (stopped) {
            // The stream ended before the subscription came: release it now, or nothing ever would.
            unsubscribe(listenerId);
        } else {
            listener = listenerId;
        }
    }

    synchronized void look() {
        if (stopped) {
            return;
        }
        if (client.terminated()) {
            stop();
            return;
        }
        Optional<Job> current;
        try {
            current = reader.get(id);
        } catch (RuntimeException e) {
            LOG.debug("cannot read job {} for its event stream: {}", id, e.toString());
            return;
        }
        if (current.isEmpty()) {
            client.close();
            return;
        }
        Job job = current.get();
        if (job.version() > lastVersion) {
            boolean stateChanged = lastState.map(s -> s != job.state()).orElse(true);
            client.sendEvent(stateChanged ? "state" : "progress", view(job), Long.toString(job.version()));
            lastVersion = job.version();
            lastState = Optional.of(job.state());
        }
        if (job.state().isFinal()) {
            client.close();
        }
    }

    /** An event is worth sending without its estimate: the state and progress are what changed. */
    private JobView view(Job job) {
        try {
            return views.of(job);
        } catch (RuntimeException e) {
            LOG.debug("cannot estimate job {} for its event stream: {}", id, e.toString());
            return JobView.of(job);
        }
    }

    private synchronized void ping() {
        if (!stopped && !client.terminated()) {
            client.sendComment("keep-alive");
        }
    }

    /** Ends the stream from the server's side (shutdown); {@link #stop} follows through the client's close callback. */
    void end() {
        client.close();
    }

    /** Runs once the client is gone or the stream ended: releases the channel and the timers. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (listener >= 0) {
            unsubscribe(listener);
        }
        if (poll != null) {
            poll.cancel(false);
        }
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
    }

    private void unsubscribe(int listenerId) {
        try {
            topic.removeListenerAsync(listenerId).whenComplete((done, failure) -> {
                subscriptions.release();
                if (failure != null) {
                    LOG.debug("cannot unsubscribe from the events of job {}: {}", id, failure.toString());
                }
            });
        } catch (RuntimeException e) {
            subscriptions.release();
            LOG.debug("cannot unsubscribe from the events of job {}: {}", id, e.toString());
        }
    }
}
