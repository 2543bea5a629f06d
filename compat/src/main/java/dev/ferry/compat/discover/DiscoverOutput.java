package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.job.Job;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A succeeded job's result in discover's shape, read from the job's own outputs: what discover's
 * task returned, which its status route and its SUCCESS callback both carry. regions:
 * {@link RegionsOutput}; vectorization: {@code {<doc uid>: <result zip url>, ..., "error": [...]}}
 * (app/vectorization/vectorization.py, run_task); clustering: {@code {"result_url"}}
 * (app/dticlustering/tasks.py, train_dti); similarity: {@link SimilarityOutput}; watermarks:
 * {@link WatermarkOutput}.
 */
final class DiscoverOutput {
    private final DataFolder data;

    DiscoverOutput(DataFolder data) {
        this.data = data;
    }

    ObjectNode of(Job job, DiscoverRecord record) {
        DiscoverUrls urls = new DiscoverUrls(record.baseUrl(), TrackingId.of(job.id()));
        JsonNode result = job.result().orElseGet(Json.MAPPER::createObjectNode);
        return switch (job.demo()) {
            case "regions" -> RegionsOutput.of(annotations(job), record, urls);
            case "vectorization" -> vectorization(result, record, urls);
            case "similarity" -> SimilarityOutput.task(output(job, SimilarityOutput.PAIRS), record, urls);
            case WatermarkStart.DEMO -> WatermarkOutput.result(output(job, WatermarkOutput.MATCHES));
            default -> Json.MAPPER.createObjectNode().put("result_url", urls.result(job.demo()));
        };
    }

    JsonNode annotations(Job job) {
        return output(job, "annotations.json");
    }

    JsonNode output(Job job, String fileName) {
        Path file = data.outputsDir(job.id()).resolve(fileName);
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Ferry writes one ZIP per job, so every document's URL is that ZIP's. */
    private static ObjectNode vectorization(JsonNode result, DiscoverRecord record, DiscoverUrls urls) {
        ObjectNode output = Json.MAPPER.createObjectNode();
        record.documents().forEach(doc -> output.put(doc.uid(), urls.result("vectorization")));
        ArrayNode errors = output.putArray("error");
        result.path("failed_pages").forEach(page -> errors.add(page.path("source").asText() + ": " + page.path("reason").asText()));
        return output;
    }
}
