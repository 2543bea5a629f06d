package dev.ferry.api;

import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.core.webhook.WebhookFormat;
import io.javalin.router.JavalinDefaultRouting;
import java.util.List;

/**
 * Routes another module mounts beside the native API, such as a replaced service's protocol
 * ({@code dev.ferry.compat}). They are registered after the native routes, behind the same API
 * key check and error mapping, and submit jobs through the same path as the native submit.
 */
@FunctionalInterface
public interface RouteSet {
    void register(JavalinDefaultRouting routes, JobSubmitter submitter);

    /** The webhook body formats this protocol's callbacks are sent in (a job's webhook names one by its {@code format}). */
    default List<WebhookFormat> webhookFormats() {
        return List.of();
    }

    /**
     * Starts what the protocol serves beyond the API's routes, such as a server on a port of its own
     * that its clients dial; called once the API listens, and {@link #stop()} when the API stops.
     */
    default void start() {
    }

    default void stop() {
    }
}
