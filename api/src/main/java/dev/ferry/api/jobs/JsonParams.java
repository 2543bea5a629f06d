package dev.ferry.api.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import java.util.Map;

/** Parses request JSON, answering 400 {@code invalid_json} with where it broke (never the whole parser message). */
public final class JsonParams {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    /** Numbers as sent (1e30 stays 1e30, not a double or Infinity), so a refusal quotes what the client wrote. */
    private static final ObjectReader EXACT_NUMBERS = Json.MAPPER.reader(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    private JsonParams() {}

    public static JsonNode parse(byte[] json, String what) {
        try {
            JsonNode node = EXACT_NUMBERS.readTree(json);
            return node == null ? Json.MAPPER.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new ApiException(ErrorCode.INVALID_JSON, what + " is not valid JSON" + where);
        } catch (java.io.IOException e) {
            throw new ApiException(ErrorCode.INVALID_JSON, what + " is not valid JSON");
        }
    }

    /** The parameters object; {@code null} counts as no parameters. */
    static Map<String, Object> params(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw ApiException.invalidParam("params", "params must be a JSON object");
        }
        return Json.MAPPER.convertValue(node, MAP);
    }
}
