package dev.ferry.compat.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.json.Json;

/**
 * A watermarks job's matches.json as discover's watermark task returned it (app/watermarks/tasks.py,
 * _pipeline): {@code {"detection"?, "matches", "query_flips"}} for one photo, which discover's
 * start took alone. The job's first photo is that one: {@code detection} only when a detector ran
 * on it, {@code matches[q]} for each of its queries (each match keeps Ferry's named fields beside
 * discover's), and {@code query_flips} with discover's {@code null} for no transposition, which
 * {@code best_query_flip} indexes as before.
 */
final class WatermarkOutput {
    static final String MATCHES = "matches.json";
    private static final String NO_TRANSPOSITION = "none";

    private WatermarkOutput() {}

    static ObjectNode result(JsonNode matchesFile) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        JsonNode photo = matchesFile.path("photos").path(0);
        if (photo.path("detected").asBoolean(false)) {
            result.set("detection", photo.path("detection"));
        }
        ArrayNode matches = result.putArray("matches");
        for (JsonNode query : photo.path("queries")) {
            JsonNode ofQuery = matchesFile.path("matches").path(query.asInt());
            matches.add(ofQuery.isArray() ? ofQuery : Json.MAPPER.createArrayNode());
        }
        ArrayNode flips = result.putArray("query_flips");
        for (JsonNode flip : matchesFile.path("query_flips")) {
            if (NO_TRANSPOSITION.equals(flip.asText())) {
                flips.addNull();
            } else {
                flips.add(flip);
            }
        }
        return result;
    }
}
