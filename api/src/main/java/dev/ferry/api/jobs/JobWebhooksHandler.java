package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.job.Job;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.WebhookOutbox;
import dev.ferry.core.webhook.DeliveryAttempt;
import dev.ferry.core.webhook.EventKind;
import dev.ferry.core.webhook.WebhookEvent;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * GET /api/v1/jobs/{id}/webhooks, the job's delivery log (every attempt), and
 * POST /api/v1/jobs/{id}/webhooks/replay, which sends the job's delivered or given-up events
 * again ({@code ?event=...&sequence=...} picks one).
 */
public final class JobWebhooksHandler {
    private final JobLookup lookup;
    private final WebhookOutbox outbox;

    public JobWebhooksHandler(JobReader reader, WebhookOutbox outbox) {
        this.lookup = new JobLookup(reader);
        this.outbox = outbox;
    }

    public void log(Context ctx) {
        Job job = lookup.job(ctx);
        ctx.json(new DeliveryLog(job.id().toString(), job.webhook().isPresent(), outbox.log(job.id())));
    }

    public void replay(Context ctx) {
        Job job = lookup.job(ctx);
        if (job.webhook().isEmpty()) {
            throw ApiException.invalidParam("webhook", "job " + job.id() + " has no webhook");
        }
        int queued = outbox.replay(job.id(), chosen(ctx));
        ctx.status(202).json(new Replay(job.id().toString(), queued));
    }

    private static Predicate<WebhookEvent> chosen(Context ctx) {
        Optional<EventKind> kind = Optional.ofNullable(ctx.queryParam("event")).map(text -> EventKind.parse(text)
                .orElseThrow(() -> ApiException.invalidParam("event", "unknown webhook event '" + text + "'")));
        Optional<Long> sequence = Optional.ofNullable(ctx.queryParam("sequence")).map(JobWebhooksHandler::sequence);
        return event -> kind.map(k -> k == event.kind()).orElse(true) && sequence.map(s -> s == event.sequence()).orElse(true);
    }

    private static long sequence(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParam("sequence", "sequence must be a whole number, got '" + text + "'");
        }
    }

    /** @param webhook whether the job has a webhook at all */
    record DeliveryLog(String jobId, boolean webhook, List<DeliveryAttempt> attempts) {}

    /** @param queued how many events were queued to be sent again */
    record Replay(String jobId, int queued) {}
}
