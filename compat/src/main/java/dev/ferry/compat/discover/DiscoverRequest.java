package dev.ferry.compat.discover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A {@code POST /<demo>/start} as discover-api reads it (app/shared/routes.py, {@code receive_task}):
 * {@code experiment_id} (a uuid4 when absent), {@code notify_url}, {@code documents} (a list, or a
 * JSON string of one) and {@code parameters}, or else the other top-level keys as parameters.
 * Clustering's own start (app/dticlustering/routes.py) names one ZIP as {@code dataset_url}.
 * {@code crops} is kept as sent, for the demos that read it ({@link DiscoverCrops}).
 */
record DiscoverRequest(String experimentId, Optional<String> notifyUrl, List<DiscoverDocument> documents,
                       Map<String, Object> parameters, Optional<Object> crops) {
    /** Keys that are never parameters (routes.py, receive_task's loop), plus clustering's dataset keys. */
    private static final Set<String> NOT_PARAMETERS = Set.of("crops", "documents", "experiment_id", "notify_url", "dataset_url",
            "dataset_id");

    static DiscoverRequest of(Map<String, Object> body) {
        if (body.isEmpty()) {
            throw new ApiException(ErrorCode.MISSING_INPUT, "No data in request: Task aborted!");
        }
        String experimentId = text(body, "experiment_id").orElseGet(() -> UUID.randomUUID().toString());
        List<DiscoverDocument> documents = new ArrayList<>(documents(body.get("documents")));
        text(body, "dataset_url").ifPresent(url -> documents.add(new DiscoverDocument("zip", url, DiscoverDocument.defaultUid(url))));
        return new DiscoverRequest(experimentId, text(body, "notify_url"), List.copyOf(documents), parameters(body),
                Optional.ofNullable(body.get(DiscoverCrops.FIELD)));
    }

    private static Map<String, Object> parameters(Map<String, Object> body) {
        Object given = body.get("parameters");
        if (given != null) {
            return asObject(given, "parameters");
        }
        Map<String, Object> rest = new LinkedHashMap<>(body);
        rest.keySet().removeAll(NOT_PARAMETERS);
        return rest;
    }

    private static List<DiscoverDocument> documents(Object given) {
        if (given == null || "".equals(given)) {
            return List.of();
        }
        JsonNode list = given instanceof String text ? parse(text, "documents") : Json.MAPPER.valueToTree(given);
        if (!list.isArray()) {
            throw invalid("documents", "documents must be a list of {\"type\", \"src\", \"uid\"?} objects");
        }
        List<DiscoverDocument> documents = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            documents.add(document(list.get(i), "documents[" + i + "]"));
        }
        return documents;
    }

    private static DiscoverDocument document(JsonNode node, String field) {
        String type = node.path("type").asText("");
        String src = node.path("src").asText("");
        if (!DiscoverDocument.TYPES.contains(type)) {
            throw invalid(field + ".type", field + ".type must be one of iiif, zip, url_list, pdf, img; got '" + type + "'");
        }
        if (!src.startsWith("http://") && !src.startsWith("https://")) {
            throw invalid(field + ".src", field + ".src must be an http(s) URL; got '" + src + "'");
        }
        String uid = node.hasNonNull("uid") ? node.get("uid").asText() : DiscoverDocument.defaultUid(src);
        return new DiscoverDocument(type, src, uid);
    }

    private static Map<String, Object> asObject(Object given, String field) {
        JsonNode node = given instanceof String text ? parse(text, field) : Json.MAPPER.valueToTree(given);
        if (!node.isObject()) {
            throw invalid(field, field + " must be a JSON object");
        }
        return Json.MAPPER.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }

    private static JsonNode parse(String text, String field) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid(field, field + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static Optional<String> text(Map<String, Object> body, String key) {
        return Optional.ofNullable(body.get(key)).map(String::valueOf).filter(v -> !v.isBlank());
    }

    static ApiException invalid(String field, String message) {
        return ApiException.invalidParam(field, message);
    }
}
