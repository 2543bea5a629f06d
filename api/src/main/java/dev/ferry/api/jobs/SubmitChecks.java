package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.webhook.Webhook;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a submit checks before it stores anything: the parameters against the demo's spec,
 * the options, the webhook, that inputs are given when the demo needs them, the earlier jobs an input names,
 * and that the demo's models are ready. A submit and a validation ({@link ValidateHandler}) run
 * the same checks, so a form that validates first hears exactly what a submit would answer.
 */
public final class SubmitChecks {
    private final Duration maxTimeLimit;
    private final ReferencedJobs referencedJobs;
    private final WebhookRequests webhooks;

    public SubmitChecks(Duration maxTimeLimit, JobReader reader, DataFolder data, WebhookRequests webhooks) {
        this.maxTimeLimit = maxTimeLimit;
        this.referencedJobs = new ReferencedJobs(reader, data);
        this.webhooks = webhooks;
    }

    /** What passed the checks: the parameters with defaults filled in, the options and the webhook. */
    record Checked(Map<String, Object> params, SubmitOptions options, Optional<Webhook> webhook) {}

    /** @param inputsRequired false to check a form whose files are not sent (a validation) */
    Checked check(Demo demo, SubmitForm form, SubmitCaller caller, boolean inputsRequired) {
        Map<String, Object> params = demo.params().validate(form.params());
        SubmitOptions options = SubmitOptions.resolve(form, caller, demo, maxTimeLimit);
        Optional<Webhook> webhook = webhooks.check(form.webhook(), caller.keyId());
        if (inputsRequired && demo.requiresInput() && !form.hasInputs()) {
            throw new ApiException(ErrorCode.MISSING_INPUT, "demo '" + demo.name() + "' needs at least one input: a file"
                    + " (a multipart part named 'file'), a URL (JSON {\"inputs\": [{\"url\": \"https://...\"}]}) or an earlier"
                    + " job's outputs (JSON {\"inputs\": [{\"job\": \"<id>\", \"files\": \"crops/*\"}]})")
                    .withField("inputs");
        }
        form.urls().ifPresent(referencedJobs::check);
        checkReady(demo, params);
        return new Checked(params, options, webhook);
    }

    /** A job no worker could run here (say its model is not installed) is refused now, with how to fix it. */
    private static void checkReady(Demo demo, Map<String, Object> params) {
        try {
            demo.checkReady(params);
        } catch (DemoFailure e) {
            throw new ApiException(e.errorCode(), String.valueOf(e.getMessage()));
        }
    }
}
