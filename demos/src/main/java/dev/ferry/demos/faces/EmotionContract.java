package dev.ferry.demos.faces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an emotion model expects, read from its {@code model.json} (the model store's
 * contract format: {@code task}, {@code input}, {@code normalize}, {@code labels}). The
 * defaults are the FER+ contract: a 64×64 grayscale face, raw pixel values 0–255, eight
 * classes, logits out.
 *
 * <pre>{@code
 * {"task": "fer_plus",
 *  "input": {"name": "Input3", "layout": "NCHW", "width": 64, "height": 64, "channels": "gray"},
 *  "normalize": {"scale": 1.0, "mean": [0.0], "std": [1.0]},
 *  "labels": ["neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt"]}
 * }</pre>
 *
 * @param inputName the graph input to feed; empty means the graph's first input
 */
public record EmotionContract(Optional<String> inputName, int width, int height, double scale, double mean, double std,
                              List<String> labels) {

    public static final List<String> FER_PLUS_LABELS =
            List.of("neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt");

    public static final EmotionContract FER_PLUS =
            new EmotionContract(Optional.empty(), 64, 64, 1.0, 0.0, 1.0, FER_PLUS_LABELS);

    public EmotionContract {
        labels = List.copyOf(labels);
    }

    /** Reads {@code model.json}; a missing file means the FER+ defaults. */
    public static EmotionContract read(Path modelJson) {
        if (!Files.isRegularFile(modelJson)) {
            return FER_PLUS;
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(modelJson.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(modelJson + " is not valid JSON: " + e.getMessage());
        }
        JsonNode input = root.path("input");
        String channels = input.path("channels").asText("gray");
        if (!channels.equals("gray")) {
            throw new IllegalArgumentException(modelJson + ": an emotion model takes a grayscale face (input.channels \"gray\"), not "
                    + channels);
        }
        JsonNode normalize = root.path("normalize");
        List<String> labels = new ArrayList<>();
        root.path("labels").forEach(l -> labels.add(l.asText()));
        return new EmotionContract(
                Optional.ofNullable(input.path("name").textValue()),
                input.path("width").asInt(64),
                input.path("height").asInt(64),
                normalize.path("scale").asDouble(1.0),
                normalize.path("mean").path(0).asDouble(0.0),
                normalize.path("std").path(0).asDouble(1.0),
                labels.isEmpty() ? FER_PLUS_LABELS : labels);
    }
}
