package dev.ferry.app.bench.faults;

import dev.ferry.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client submitting jobs over HTTP one after another until {@code jobs} were accepted (202),
 * trying again at once after a refusal as an eager client would, so the first accept after a
 * fault is seen within a round trip. A submit that timed out counts as refused: the client
 * never learnt its job id.
 */
final class ApiSubmitter implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long PAUSE_AFTER_REFUSAL_MS = 20;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final HttpRequest request;
    private final int jobs;
    private final List<String> accepted = new ArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread thread = new Thread(this::submitAll, "ferry-bench-submitter");
    private volatile long faultNanos = Long.MAX_VALUE;
    private volatile long firstAcceptAfterFaultNanos;
    private volatile boolean stopped;

    ApiSubmitter(URI submitUri, String body, int jobs) {
        this.request = HttpRequest.newBuilder(submitUri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        this.jobs = jobs;
    }

    void start() {
        thread.start();
    }

    /** From now on, the first submit sent and accepted is the recovery. */
    void faultStartsAt(long nanos) {
        faultNanos = nanos;
    }

    /** Until at least {@code count} jobs were accepted, or the submitter stopped. */
    void awaitAccepted(int count) throws InterruptedException {
        while (acceptedCount() < count && thread.isAlive()) {
            Thread.sleep(10);
        }
    }

    void awaitDone() throws InterruptedException {
        thread.join();
    }

    synchronized List<String> accepted() {
        return List.copyOf(accepted);
    }

    private synchronized int acceptedCount() {
        return accepted.size();
    }

    int refused() {
        return refused.get();
    }

    /** The time the first submit sent after the fault was accepted; 0 when none was. */
    long firstAcceptAfterFaultNanos() {
        return firstAcceptAfterFaultNanos;
    }

    private void submitAll() {
        while (!stopped && acceptedCount() < jobs) {
            long sent = System.nanoTime();
            String id = submitOne();
            if (id != null) {
                synchronized (this) {
                    accepted.add(id);
                }
                if (sent >= faultNanos && firstAcceptAfterFaultNanos == 0) {
                    firstAcceptAfterFaultNanos = System.nanoTime();
                }
            } else {
                refused.incrementAndGet();
                pause();
            }
        }
    }

    /** The new job's id, or null when the submit was refused or went unanswered. */
    private String submitOne() {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 202 ? Json.MAPPER.readTree(response.body()).path("id").asText() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            return null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_REFUSAL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
    }
}
