package dev.ferry.api.metrics;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /metrics in the Prometheus text format. The Redis-backed figures are refreshed first,
 * but for at most two seconds: with Redis down the scrape still answers, with the last figures.
 */
public final class MetricsHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsHandler.class);
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final long REFRESH_WAIT_MS = 2_000;
    private final FerryMeters meters;
    private final Executor executor;

    public MetricsHandler(FerryMeters meters, Executor executor) {
        this.meters = meters;
        this.executor = executor;
    }

    @Override
    public void handle(Context ctx) {
        try {
            CompletableFuture.runAsync(meters::refresh, executor).get(REFRESH_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("queue figures for /metrics could not be refreshed: {}", e.getCause() == null ? e.toString() : e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.contentType(CONTENT_TYPE).result(meters.scrape());
    }
}
