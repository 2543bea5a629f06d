package dev.ferry.compat.discover;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.http.ApiException;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.InputSpec;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /<demo>/start}: discover's request (JSON or form) read, its documents and
 * parameters turned into a Ferry job of that demo through the native submit, and
 * {@code {"tracking_id", "experiment_id"}} answered (app/shared/routes.py, start_task).
 */
final class StartHandler {
    private static final String SIMILARITY = "similarity";
    private final JobSubmitter submitter;
    private final DataFolder data;

    StartHandler(JobSubmitter submitter, DataFolder data) {
        this.submitter = submitter;
        this.data = data;
    }

    void handle(Context ctx, String demo) {
        DiscoverRequest request = DiscoverRequest.of(body(ctx));
        InputSpec inputs = inputs(request.documents());
        Job job = submitter.submit(ctx, demo, parameters(demo, request), inputs, request.notifyUrl().map(StartHandler::callbacks));
        new DiscoverRecord(request.experimentId(), request.notifyUrl(), DiscoverJobs.baseUrl(ctx), request.documents())
                .save(data, job.id());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tracking_id", TrackingId.of(job.id()));
        answer.put("experiment_id", request.experimentId());
        ctx.json(answer);
    }

    /** The demo's parameters; similarity compares the request's crops, when it gives some, instead of whole pages. */
    private static Map<String, Object> parameters(String demo, DiscoverRequest request) {
        Map<String, Object> params = new LinkedHashMap<>(ParameterMapping.toFerry(demo, request.parameters()));
        if (SIMILARITY.equals(demo)) {
            request.crops().map(crops -> DiscoverCrops.toFerry(crops, request.documents())).filter(c -> !c.isEmpty())
                    .ifPresent(crops -> params.put(DiscoverCrops.FIELD, crops));
        }
        return params;
    }

    /** discover's callbacks to notify_url: every event, in discover's bodies, sent by Ferry's webhook engine. */
    static JsonNode callbacks(String notifyUrl) {
        ObjectNode webhook = Json.MAPPER.createObjectNode().put("url", notifyUrl).put("format", DiscoverCallbacks.FORMAT);
        webhook.putArray("events").add("started").add("progress").add("completed");
        return webhook;
    }

    /**
     * Each document is one URL input, which Ferry's workers open as what it turns out to be
     * (IIIF manifest, PDF, ZIP, image). A url_list's src is a JSON object {stem: image url},
     * which they do not read, so it is refused rather than failed later.
     */
    static InputSpec inputs(List<DiscoverDocument> documents) {
        if (documents.isEmpty()) {
            throw new ApiException(ErrorCode.MISSING_INPUT, "no documents: give documents [{\"type\", \"src\"}] (or dataset_url)")
                    .withField("documents");
        }
        for (int i = 0; i < documents.size(); i++) {
            if ("url_list".equals(documents.get(i).type())) {
                throw DiscoverRequest.invalid("documents[" + i + "].type", "documents of type url_list are not supported by"
                        + " Ferry: list the images as documents of type img, or send a zip, pdf or iiif manifest");
            }
        }
        return new InputSpec(documents.stream().<InputSpec.Entry>map(d -> new InputSpec.UrlInput(d.src())).toList());
    }

    private static Map<String, Object> body(Context ctx) {
        String type = String.valueOf(ctx.contentType());
        if (!type.startsWith("application/json")) {
            Map<String, Object> form = new LinkedHashMap<>();
            ctx.formParamMap().forEach((key, values) -> form.put(key, values.isEmpty() ? "" : values.get(0)));
            return form;
        }
        try {
            Map<String, Object> body = Json.MAPPER.readValue(ctx.bodyAsBytes(), new TypeReference<Map<String, Object>>() { });
            return body == null ? Map.of() : body;
        } catch (IOException e) {
            throw new ApiException(ErrorCode.INVALID_JSON, "the request body must be a JSON object: " + e.getMessage());
        }
    }
}
