package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobState;
import dev.ferry.core.json.Json;
import io.javalin.http.Context;

/**
 * discover's {@code /datasets/...} routes (app/shared/dataset/routes.py). A dataset is a task's
 * documents, named by its tracking id; a document is named by its type, the tracking id and its
 * uid. Nothing in these paths reaches the disk: the tracking id is parsed into a job id, and
 * documents and annotation files are matched against what the task recorded.
 */
final class DatasetRoutes {
    private final DiscoverJobs jobs;
    private final DiscoverOutput outputs;
    private final DocumentImages images;

    DatasetRoutes(DiscoverJobs jobs, DocumentImages images) {
        this.jobs = jobs;
        this.outputs = new DiscoverOutput(jobs.data());
        this.images = images;
    }

    /** {@code {"uid", "documents": [{"uid", "type", "src", "url", "download"}], "url"}} (dataset.py, to_dict(with_url=True)). */
    void dataset(Context ctx) {
        Job job = jobs.job(ctx);
        DiscoverRecord record = jobs.record(job, ctx);
        DiscoverUrls urls = urls(job, record);
        ObjectNode dataset = Json.MAPPER.createObjectNode().put("uid", urls.trackingId());
        ArrayNode documents = dataset.putArray("documents");
        record.documents().forEach(doc -> documents.add(document(doc, urls)));
        dataset.put("url", urls.dataset());
        ctx.json(dataset);
    }

    /** {@code {"uid", "type", "src", "url", "download"}} (document.py, to_dict(with_url=True)). */
    void document(Context ctx) {
        Job job = jobs.job(ctx);
        DiscoverRecord record = jobs.record(job, ctx);
        ctx.json(document(find(ctx, record), urls(job, record)));
    }

    /** The document's page images as a ZIP (routes.py, document_download), or 502 when it can no longer be read. */
    void download(Context ctx) {
        Job job = jobs.job(ctx);
        DiscoverRecord record = jobs.record(job, ctx);
        images.send(ctx, job, record, find(ctx, record));
    }

    /** A document's regions, as discover's {@code <extraction ref>.json} annotation file holds them: one entry per page. */
    void annotations(Context ctx) {
        Job job = jobs.job(ctx);
        DiscoverRecord record = jobs.record(job, ctx);
        DiscoverDocument doc = find(ctx, record);
        if (!"regions".equals(job.demo()) || job.state() != JobState.SUCCEEDED) {
            throw notFound("no annotations for this document yet");
        }
        var annotations = outputs.annotations(job);
        String ref = RegionsOutput.extractionRef(annotations.path("model").asText(), record.experimentId());
        String asked = ctx.pathParam("anno_file");
        if (!asked.equals(ref) && !asked.equals(ref + ".json")) {
            throw notFound("no annotation file '" + asked + "'; this document's is '" + ref + "'");
        }
        ctx.json(RegionsOutput.pagesOf(annotations, record, doc));
    }

    private static DiscoverDocument find(Context ctx, DiscoverRecord record) {
        String type = ctx.pathParam("dtype");
        String uid = ctx.pathParam("uid");
        return record.documents().stream().filter(d -> d.type().equals(type) && d.uid().equals(uid)).findFirst()
                .orElseThrow(() -> notFound("no document '" + uid + "' of type '" + type + "' in this dataset"));
    }

    private static ObjectNode document(DiscoverDocument doc, DiscoverUrls urls) {
        return Json.MAPPER.createObjectNode().put("uid", doc.uid()).put("type", doc.type()).put("src", doc.src())
                .put("url", urls.document(doc)).put("download", urls.download(doc));
    }

    private static DiscoverUrls urls(Job job, DiscoverRecord record) {
        return new DiscoverUrls(record.baseUrl(), TrackingId.of(job.id()));
    }

    private static ApiException notFound(String message) {
        return new ApiException(ErrorCode.FILE_NOT_FOUND, message);
    }
}
