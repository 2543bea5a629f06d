package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * A similarity job's pairs.json in discover's shapes (app/similarity/similarity.py,
 * format_results: {@code {"parameters", "index": {"sources", "images", "transpositions"},
 * "pairs"}}; tasks.py, compute_similarity: {@code {"dataset_url", "annotations", "results_url"}}).
 * Ferry compares the whole dataset at once, so there is one result, discover's
 * {@code doc_pair: "dataset"}. Pairs keep Ferry's image numbers, which are the positions in
 * {@code index.images}; {@code tr_i}/{@code tr_j} index {@code index.transpositions} as in Ferry.
 */
final class SimilarityOutput {
    static final String PAIRS = "pairs.json";

    private SimilarityOutput() {}

    /** What the status route and the SUCCESS callback carry. */
    static ObjectNode task(JsonNode pairsFile, DiscoverRecord record, DiscoverUrls urls) {
        ObjectNode output = Json.MAPPER.createObjectNode().put("dataset_url", urls.dataset());
        output.set("annotations", result(pairsFile, record));
        output.putArray("results_url").addObject().put("doc_pair", "dataset").put("result_url", urls.result("similarity"));
        return output;
    }

    /** What {@code /similarity/<doc_pair>/result} serves. */
    static ObjectNode result(JsonNode pairsFile, DiscoverRecord record) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.set("parameters", pairsFile.path("parameters"));
        ObjectNode index = result.putObject("index");
        ObjectNode sources = index.putObject("sources");
        pairsFile.at("/index/sources").fields().forEachRemaining(e -> {
            ObjectNode source = sources.putObject(uid(e.getKey(), e.getValue(), record.documents()));
            source.put("uid", uid(e.getKey(), e.getValue(), record.documents()));
            document(e.getValue(), record.documents()).ifPresentOrElse(
                    doc -> source.put("type", doc.type()).put("src", doc.src()),
                    () -> source.put("src", e.getValue().path("name").asText()));
            source.putObject("metadata");
        });
        ArrayNode images = index.putArray("images");
        for (JsonNode image : pairsFile.at("/index/images")) {
            JsonNode doc = pairsFile.at("/index/sources").path(image.path("doc").asText());
            String name = image.path("source").asText();
            images.addObject().put("id", name).put("src", name).put("path", name)
                    .put("doc_uid", uid(image.path("doc").asText(), doc, record.documents())).putObject("metadata");
        }
        index.set("transpositions", pairsFile.at("/index/transpositions"));
        result.set("pairs", pairsFile.path("pairs"));
        return result;
    }

    /** The document the client named for an input (inputs are its documents, in order), else the input's file name. */
    private static String uid(String key, JsonNode source, List<DiscoverDocument> documents) {
        return document(source, documents).map(DiscoverDocument::uid).orElseGet(() -> source.path("name").asText(key));
    }

    private static Optional<DiscoverDocument> document(JsonNode source, List<DiscoverDocument> documents) {
        int input = source.path("input").asInt(0);
        return input >= 1 && input <= documents.size() ? Optional.of(documents.get(input - 1)) : Optional.empty();
    }
}
