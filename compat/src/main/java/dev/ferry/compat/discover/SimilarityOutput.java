package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A similarity job's pairs.json in discover's shapes (app/similarity/similarity.py,
 * format_results: {@code {"parameters", "index": {"sources", "images", "transpositions"},
 * "pairs"}}; tasks.py, compute_similarity: {@code {"dataset_url", "annotations", "results_url"}}).
 * Ferry compares the whole dataset at once, so there is one result, discover's
 * {@code doc_pair: "dataset"}. Pairs keep Ferry's image numbers, which are the positions in
 * {@code index.images}; {@code tr_i}/{@code tr_j} index {@code index.transpositions} as in Ferry.
 * A crop is named by its {@code crop_id}, with its box in {@code metadata.crop}, as discover names it.
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
            String name = image.path("source").asText();
            Optional<DiscoverDocument> page = documentOfPage(name, record.documents());
            page.filter(doc -> !sources.has(doc.uid())).ifPresent(doc -> sources.putObject(doc.uid()).put("uid", doc.uid())
                    .put("type", doc.type()).put("src", doc.src()).putObject("metadata"));
            JsonNode doc = pairsFile.at("/index/sources").path(image.path("doc").asText());
            String uid = page.map(DiscoverDocument::uid).orElseGet(() -> uid(image.path("doc").asText(), doc, record.documents()));
            ObjectNode entry = images.addObject().put("id", image.path("id").asText(name)).put("src", name).put("path", name)
                    .put("doc_uid", uid);
            ObjectNode metadata = entry.putObject("metadata");
            if (image.has("box")) {
                metadata.put("crop", crop(image.get("box")));
            }
        }
        index.set("transpositions", pairsFile.at("/index/transpositions"));
        result.set("pairs", pairsFile.path("pairs"));
        return result;
    }

    /**
     * The document a page's source begins with: a request's documents are one Ferry input, so its
     * pages are told apart by source (an image URL, {@code <zip>!/entry}, {@code <pdf>#page=N}).
     */
    private static Optional<DiscoverDocument> documentOfPage(String source, List<DiscoverDocument> documents) {
        return documents.stream().filter(d -> source.startsWith(d.src())).findFirst();
    }

    /** A crop's box as discover's image metadata gives it: {@code "x1,y1,x2,y2"}, three decimals (document.py, prepare_crops). */
    private static String crop(JsonNode box) {
        List<String> corners = new ArrayList<>();
        box.forEach(v -> corners.add(String.format(Locale.ROOT, "%.3f", v.asDouble())));
        return String.join(",", corners);
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
