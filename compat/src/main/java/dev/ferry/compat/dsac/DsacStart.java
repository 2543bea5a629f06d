package dev.ferry.compat.dsac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.api.jobs.InputFile;
import dev.ferry.core.job.Job;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.media.UrlFetcher;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DSAC's POST: the headers read, the audio taken from OBJECT_URL (fetched as Ferry fetches any
 * URL, under its private-address policy) or the request body, an asr job queued with RETURN_URL
 * as its webhook in the {@link DsacDelivery} format, and the job's ids and status route answered.
 */
final class DsacStart {
    private final JobSubmitter submitter;
    private final DsacModels models;
    private final UrlFetcher fetcher;
    private final DataFolder data;
    private final String path;

    DsacStart(JobSubmitter submitter, DsacModels models, UrlFetcher fetcher, DataFolder data, String path) {
        this.submitter = submitter;
        this.models = models;
        this.fetcher = fetcher;
        this.data = data;
        this.path = path;
    }

    void handle(Context ctx) throws IOException {
        DsacRequest request = DsacHeaders.read(ctx);
        Map<String, Object> params = Map.of("model", models.choose(request), "channel", "mix");
        Job job;
        try (InputStream audio = audio(ctx, request)) {
            job = submitter.submitFiles(ctx, DsacModels.DEMO, params, List.of(new InputFile(request.objectName(), () -> audio)),
                    request.returnUrl().map(DsacStart::webhook));
        }
        DsacRecord.of(request).save(data, job.id());
        String statusUrl = ctx.scheme() + "://" + ctx.host() + path + "/" + job.id();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", "Job queued. See " + statusUrl);
        answer.put("job_id", request.jobId());
        answer.put("tag", request.tag());
        answer.put("ferry_job_id", job.id().toString());
        answer.put("status_url", statusUrl);
        ctx.header("Location", statusUrl).json(answer);
    }

    private InputStream audio(Context ctx, DsacRequest request) throws IOException {
        if (request.objectUrl().isPresent()) {
            return Files.newInputStream(fetcher.fetch(request.objectUrl().get()));
        }
        if (ctx.req().getContentLengthLong() == 0) {
            throw new DsacException(HttpStatus.BAD_REQUEST, "Bad request: no audio: send it as the request body, or its address as"
                    + " OBJECT_URL (Ferry reads no S3 bucket: BUCKET_NAME and OBJECT_PATH alone do not name it)");
        }
        return ctx.bodyInputStream();
    }

    private static JsonNode webhook(String returnUrl) {
        ObjectNode webhook = Json.MAPPER.createObjectNode().put("url", returnUrl).put("format", DsacDelivery.FORMAT);
        webhook.putArray("events").add("completed");
        return webhook;
    }
}
