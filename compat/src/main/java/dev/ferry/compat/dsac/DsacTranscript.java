package dev.ferry.compat.dsac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * DSAC's transcript JSON (ctm_to_json.py): one result whose one alternative holds the whole
 * recording — {@code transcript} (the words joined by spaces), {@code confidence} (the mean of
 * the words'), {@code words [{startTime, endTime, word, confidence}]} with times as float
 * seconds — read from the asr demo's transcript.json, which has one result per speech segment
 * and Google's duration strings ({@code "1.300s"}). A recording without words gives an empty
 * transcript, confidence 0 and no words, where DSAC divided by zero.
 */
final class DsacTranscript {
    private DsacTranscript() {}

    static JsonNode of(JsonNode google) {
        List<JsonNode> words = new ArrayList<>();
        google.path("results").forEach(result -> result.path("alternatives").path(0).path("words").forEach(words::add));
        ObjectNode alternative = Json.MAPPER.createObjectNode();
        alternative.put("transcript", String.join(" ", words.stream().map(w -> w.path("word").asText()).toList()));
        alternative.put("confidence", words.stream().mapToDouble(w -> w.path("confidence").asDouble()).average().orElse(0));
        ArrayNode dsacWords = alternative.putArray("words");
        for (JsonNode word : words) {
            dsacWords.addObject().put("startTime", seconds(word.path("startTime").asText()))
                    .put("endTime", seconds(word.path("endTime").asText()))
                    .put("word", word.path("word").asText())
                    .put("confidence", word.path("confidence").asDouble());
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putArray("results").addObject().putArray("alternatives").add(alternative);
        return root;
    }

    /** A protobuf Duration in JSON ({@code "1.300s"}) as seconds. */
    static double seconds(String duration) {
        String digits = duration.endsWith("s") ? duration.substring(0, duration.length() - 1) : duration;
        return Double.parseDouble(digits);
    }
}
