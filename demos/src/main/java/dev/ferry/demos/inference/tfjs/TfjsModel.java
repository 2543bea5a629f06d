package dev.ferry.demos.inference.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js graph model as published ({@code format: graph-model}): the nodes of its
 * {@code model.json} and the constants of its weight files, which sit beside it and hold
 * each manifest group's weights back to back, little-endian, in the order the group lists them.
 */
public record TfjsModel(List<TfNode> nodes, Map<String, TfWeight> weights) {
    public TfjsModel {
        nodes = List.copyOf(nodes);
        weights = Map.copyOf(weights);
    }

    public static TfjsModel read(Path modelJson) throws IOException {
        JsonNode root = Json.MAPPER.readTree(modelJson.toFile());
        if (!"graph-model".equals(root.path("format").asText())) {
            throw new IOException(modelJson.getFileName() + " is not a TF.js graph model (format: "
                    + root.path("format").asText("none") + ")");
        }
        List<TfNode> nodes = new ArrayList<>();
        root.path("modelTopology").path("node").forEach(n -> nodes.add(TfNode.of(n)));
        Map<String, TfWeight> weights = new LinkedHashMap<>();
        for (JsonNode group : root.path("weightsManifest")) {
            readGroup(modelJson.toAbsolutePath().getParent(), group, weights);
        }
        return new TfjsModel(nodes, weights);
    }

    private static void readGroup(Path dir, JsonNode group, Map<String, TfWeight> into) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (JsonNode path : group.path("paths")) {
            data.write(Files.readAllBytes(dir.resolve(path.asText())));
        }
        ByteBuffer bytes = ByteBuffer.wrap(data.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        for (JsonNode spec : group.path("weights")) {
            String name = spec.path("name").asText();
            if (spec.has("quantization")) {
                throw new IOException("weight " + name + " is quantized; the importer reads float32 and int32 weights only");
            }
            long[] shape = new long[spec.path("shape").size()];
            int count = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = spec.path("shape").get(i).asLong();
                count *= (int) shape[i];
            }
            into.put(name, new TfWeight(name, shape, values(bytes, spec.path("dtype").asText(), count, name)));
        }
        if (bytes.hasRemaining()) {
            throw new IOException("the weight files " + group.path("paths") + " hold " + bytes.remaining()
                    + " bytes more than their manifest lists");
        }
    }

    private static float[] values(ByteBuffer bytes, String dtype, int count, String name) throws IOException {
        if (bytes.remaining() < count * 4L) {
            throw new IOException("the weight files end inside weight " + name);
        }
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            switch (dtype) {
                case "float32" -> out[i] = bytes.getFloat();
                case "int32" -> out[i] = bytes.getInt();
                default -> throw new IOException("weight " + name + " has dtype " + dtype
                        + "; the importer reads float32 and int32 weights only");
            }
        }
        return out;
    }
}
