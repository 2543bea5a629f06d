package dev.ferry.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.demos.ServedDemo;
import dev.ferry.api.http.ApiException;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Progress;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.IdempotencyKey;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.NewJob;
import dev.ferry.core.queue.QueueException;
import dev.ferry.core.queue.Submissions;
import dev.ferry.core.queue.SubmitOutcome;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.InputSpec;
import dev.ferry.core.webhook.Webhook;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * POST /api/v1/demos/{demo}/jobs. Cheap refusals come first (unknown demo, wrong body type,
 * full disk, declared size), then the body is read and validated, the inputs stored, and
 * the job queued in one script call. Whatever fails after the job's folder exists removes it.
 */
public final class SubmitHandler implements Handler, JobSubmitter {
    /** A hint for clients refused with 429; queues drain at the pace of their workers. */
    static final int QUEUE_FULL_RETRY_AFTER_S = 5;
    private static final int MAX_IDEMPOTENCY_KEY = 256;
    private static final long MB = 1024L * 1024;

    private final FerryConfig config;
    private final DemoCatalog demos;
    private final DataFolder data;
    private final Submissions submissions;
    private final JobReader reader;
    private final JobViews views;
    private final UploadLimits limits;
    private final InputStore inputs;
    private final SubmitChecks checks;
    private final Consumer<String> onCreated;

    public SubmitHandler(FerryConfig config, DemoCatalog demos, DataFolder data, Submissions submissions, JobReader reader,
            JobViews views, UploadLimits limits, SubmitChecks checks, Consumer<String> onCreated) {
        this.config = config;
        this.demos = demos;
        this.data = data;
        this.submissions = submissions;
        this.reader = reader;
        this.views = views;
        this.limits = limits;
        this.inputs = new InputStore(data, limits);
        this.checks = checks;
        this.onCreated = onCreated;
    }

    @Override
    public void handle(Context ctx) {
        Demo demo = demos.find(ServedDemo.of(ctx, demos)).orElseThrow();
        BodyKind kind = BodyKind.of(ctx);
        checkFreeSpace(ctx.req().getContentLengthLong());
        if (ctx.req().getContentLengthLong() > limits.maxRequestBytes()) {
            throw limits.tooLarge();
        }
        Optional<String> idempotencyKey = idempotencyKey(ctx);
        SubmitForm form = switch (kind) {
            case JSON -> JsonSubmitReader.read(ctx);
            case MULTIPART -> MultipartSubmitReader.read(ctx, limits);
            case NONE -> SubmitForm.EMPTY;
        };
        SubmitOutcome outcome = queue(SubmitCaller.of(ctx), demo, form, idempotencyKey);
        Job recorded = reader.get(outcome.id()).orElseThrow(JobLookup::notFound);
        if (outcome.created()) {
            onCreated.accept(demo.name());
            ctx.status(202);
        } else {
            ctx.status(200).header("Idempotent-Replayed", "true");
        }
        ctx.header("Location", JobUrls.job(recorded.id())).json(views.of(recorded));
    }

    @Override
    public Job submit(Context ctx, String demoName, Map<String, Object> params, InputSpec inputs, Optional<JsonNode> webhook) {
        return submitForm(SubmitCaller.of(ctx), demoName, new SubmitForm(params, Optional.empty(), Optional.empty(), List.of(),
                Optional.of(inputs), webhook));
    }

    @Override
    public Job submitFiles(Context ctx, String demoName, Map<String, Object> params, List<InputFile> files,
                           Optional<JsonNode> webhook) {
        return submitFiles(SubmitCaller.of(ctx), demoName, params, files, webhook);
    }

    @Override
    public Job submitFiles(SubmitCaller caller, String demoName, Map<String, Object> params, List<InputFile> files,
                           Optional<JsonNode> webhook) {
        return submitForm(caller, demoName, new SubmitForm(params, Optional.empty(), Optional.empty(), files, Optional.empty(), webhook));
    }

    @Override
    public UploadLimits uploadLimits() {
        return limits;
    }

    private Job submitForm(SubmitCaller caller, String demoName, SubmitForm form) {
        Demo demo = demos.find(demoName).orElseThrow(() -> new ApiException(ErrorCode.UNKNOWN_DEMO, "no demo '" + demoName + "' here"));
        checkFreeSpace(0);
        SubmitOutcome outcome = queue(caller, demo, form, Optional.empty());
        onCreated.accept(demo.name());
        return reader.get(outcome.id()).orElseThrow(JobLookup::notFound);
    }

    private SubmitOutcome queue(SubmitCaller caller, Demo demo, SubmitForm form, Optional<String> idempotencyKey) {
        SubmitChecks.Checked checked = checks.check(demo, form, caller, true);
        Map<String, Object> params = checked.params();
        SubmitOptions options = checked.options();
        JobId id = JobId.generate(demo.name(), System.currentTimeMillis());
        return enqueue(id, form, demo, newJob(id, demo, params, options, checked.webhook(), idempotencyKey));
    }

    /**
     * A body of a declared size is on disk twice while it is stored (Jetty's spooled copy and
     * the job's input), so that much room is asked for on top of the reserve: an upload the disk
     * cannot hold is refused before a byte of it is read, rather than filling the disk.
     */
    private void checkFreeSpace(long declaredBytes) {
        long free = data.freeBytes();
        if (free < config.api().minFreeBytes()) {
            throw new ApiException(ErrorCode.INSUFFICIENT_STORAGE, "the data folder is almost full; no new jobs until space is freed");
        }
        if (free < config.api().minFreeBytes() + 2 * declaredBytes) {
            throw new ApiException(ErrorCode.INSUFFICIENT_STORAGE, "the data folder has " + free / MB + " MB free: too little to store"
                    + " this upload twice (spooled, then as the job's input) and keep FERRY_MIN_FREE_MB in reserve");
        }
    }

    /** The job to queue, once its inputs are stored in the folder it is given: an idempotency key's fingerprint reads them. */
    private static Function<Path, NewJob> newJob(JobId id, Demo demo, Map<String, Object> params, SubmitOptions options,
            Optional<Webhook> webhook, Optional<String> idempotencyKey) {
        return inputs -> new NewJob(id, params, options.priority(), demo.maxAttempts(), options.timeLimitMs(),
                idempotencyKey.map(key -> new IdempotencyKey(key, RequestFingerprint.of(demo.name(), params, options, inputs))),
                webhook);
    }

    /** Stores the inputs and queues the job; until the queue holds it, any failure removes its folder. */
    private SubmitOutcome enqueue(JobId id, SubmitForm form, Demo demo, Function<Path, NewJob> job) {
        SubmitOutcome outcome;
        try {
            if (form.hasInputs()) {
                if (form.urls().isPresent()) {
                    inputs.store(id, form.urls().get(), demo.name(), demo.accepts());
                } else {
                    inputs.store(id, form.files(), demo.accepts());
                }
            }
            NewJob queued = job.apply(data.inputsDir(id));
            if (form.hasInputs()) {
                // Written before the submit, so it never overwrites the record a fast worker writes at the end.
                AtomicFiles.write(data.jobJson(id), Json.writeBytes(JobView.of(initialRecord(queued))));
            }
            outcome = submissions.submit(queued);
        } catch (QueueException e) {
            data.deleteJob(id);
            throw refusal(e, demo);
        } catch (RuntimeException e) {
            data.deleteJob(id);
            throw e;
        }
        if (!outcome.created()) {
            data.deleteJob(id);
        }
        return outcome;
    }

    private RuntimeException refusal(QueueException e, Demo demo) {
        return switch (e.error()) {
            case QUEUE_FULL -> new ApiException(ErrorCode.QUEUE_FULL, "demo '" + demo.name() + "' has " + config.queue().maxQueued()
                    + " jobs waiting; try again later").withHeader("Retry-After", Integer.toString(QUEUE_FULL_RETRY_AFTER_S));
            case IDEMPOTENCY_CONFLICT -> new ApiException(ErrorCode.IDEMPOTENCY_CONFLICT, e.getMessage()
                    + " (other parameters, options or inputs); send a new key for a new request")
                    .withField("Idempotency-Key");
            default -> e;
        };
    }

    private static Job initialRecord(NewJob job) {
        return new Job(job.id(), JobState.QUEUED, job.params(), job.priority(), 0, job.maxAttempts(), job.timeLimitMs(),
                Progress.NONE, Instant.now(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), 0,
                job.webhook(), Optional.empty());
    }

    private static Optional<String> idempotencyKey(Context ctx) {
        Optional<String> key = Optional.ofNullable(ctx.header("Idempotency-Key")).map(String::strip).filter(k -> !k.isEmpty());
        if (key.isPresent() && key.get().length() > MAX_IDEMPOTENCY_KEY) {
            throw ApiException.invalidParam("Idempotency-Key", "Idempotency-Key is limited to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        return key;
    }
}
