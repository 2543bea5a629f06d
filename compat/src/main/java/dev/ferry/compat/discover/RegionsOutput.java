package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A regions job's {@code annotations.json} as discover's regions output (app/regions/tasks.py,
 * {@code extract_objects}): {@code dataset_url}, {@code annotations} keyed
 * {@code <doc uid>@@<model>+<experiment_id>} with one entry per page
 * ({@code source, source_info, width, height, crops, doc_uid}), and {@code results_url}, a list
 * of {@code {doc uid: annotations url}}. A page goes to the document {@link DocumentOfPage} says.
 */
final class RegionsOutput {
    private RegionsOutput() {}

    static ObjectNode of(JsonNode annotations, DiscoverRecord record, DiscoverUrls urls) {
        String ref = extractionRef(annotations.path("model").asText(), record.experimentId());
        Map<DiscoverDocument, ArrayNode> perDocument = perDocument(annotations.path("pages"), record.documents());
        ObjectNode output = Json.MAPPER.createObjectNode().put("dataset_url", urls.dataset());
        ObjectNode byRef = output.putObject("annotations");
        ArrayNode results = output.putArray("results_url");
        perDocument.forEach((doc, pages) -> {
            byRef.set(doc.uid() + "@@" + ref, pages);
            results.addObject().put(doc.uid(), urls.annotations(doc, ref));
        });
        return output;
    }

    /** One document's pages, as its annotations file serves them. */
    static ArrayNode pagesOf(JsonNode annotations, DiscoverRecord record, DiscoverDocument doc) {
        return perDocument(annotations.path("pages"), record.documents()).getOrDefault(doc, Json.MAPPER.createArrayNode());
    }

    /** discover's extraction reference: the model's stem, '+', the experiment id (regions.py, process_doc). */
    static String extractionRef(String model, String experimentId) {
        return model + "+" + experimentId;
    }

    private static Map<DiscoverDocument, ArrayNode> perDocument(JsonNode pages, List<DiscoverDocument> documents) {
        Map<DiscoverDocument, ArrayNode> out = new LinkedHashMap<>();
        documents.forEach(doc -> out.put(doc, Json.MAPPER.createArrayNode()));
        if (documents.isEmpty()) {
            return out;
        }
        DocumentOfPage owners = new DocumentOfPage(documents);
        for (JsonNode page : pages) {
            DiscoverDocument owner = owners.next(page.path("source").asText());
            out.get(owner).add(page(page, owner));
        }
        return out;
    }

    private static ObjectNode page(JsonNode page, DiscoverDocument doc) {
        String source = stem(page);
        ObjectNode entry = Json.MAPPER.createObjectNode().put("source", source);
        ObjectNode info = entry.putObject("source_info").put("id", source).put("src", page.path("source").asText())
                .put("path", page.path("overlay").asText());
        info.putObject("metadata").put("page", page.path("page").asInt());
        entry.put("width", page.path("width").asInt()).put("height", page.path("height").asInt());
        ArrayNode crops = entry.putArray("crops");
        page.path("regions").forEach(region -> crops.add(RegionBox.crop(region, source)));
        entry.put("doc_uid", doc.uid());
        return entry;
    }

    /** A file-name-safe, unique name for the page: its overlay's stem ({@code 0001-scan}), as Ferry names its files. */
    private static String stem(JsonNode page) {
        String overlay = page.path("overlay").asText("");
        int slash = overlay.lastIndexOf('/');
        int dot = overlay.lastIndexOf('.');
        if (dot > slash + 1) {
            return overlay.substring(slash + 1, dot);
        }
        return String.format("%04d", page.path("page").asInt());
    }
}
