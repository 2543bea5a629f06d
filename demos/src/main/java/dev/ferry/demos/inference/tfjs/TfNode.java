package dev.ferry.demos.inference.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One node of a TF.js graph model ({@code modelTopology.node} of model.json): a TensorFlow
 * NodeDef in JSON, whose string attributes are base64 and whose integers are JSON strings.
 *
 * @param inputs the data inputs by node name (a {@code :0} suffix dropped; control inputs, {@code ^name}, left out)
 */
public record TfNode(String name, String op, List<String> inputs, JsonNode attrs) {
    public TfNode {
        List<String> data = new ArrayList<>();
        for (String in : inputs) {
            if (!in.startsWith("^")) {
                data.add(in.endsWith(":0") ? in.substring(0, in.length() - 2) : in);
            }
        }
        inputs = List.copyOf(data);
    }

    static TfNode of(JsonNode json) {
        List<String> inputs = new ArrayList<>();
        json.path("input").forEach(i -> inputs.add(i.asText()));
        return new TfNode(json.path("name").asText(), json.path("op").asText(), inputs, json.path("attr"));
    }

    public String input(int index) {
        return inputs.get(index);
    }

    public boolean has(String attr) {
        return attrs.has(attr);
    }

    public String string(String attr) {
        return decode(attrs.path(attr).path("s").asText());
    }

    public List<String> strings(String attr) {
        List<String> out = new ArrayList<>();
        attrs.path(attr).path("list").path("s").forEach(s -> out.add(decode(s.asText())));
        return out;
    }

    public long[] ints(String attr) {
        JsonNode list = attrs.path(attr).path("list").path("i");
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i).asLong();
        }
        return out;
    }

    public boolean bool(String attr) {
        return attrs.path(attr).path("b").asBoolean(false);
    }

    /** The dimensions of a {@code shape} attribute (a Placeholder's), -1 where unknown. */
    public long[] shape(String attr) {
        JsonNode dims = attrs.path(attr).path("shape").path("dim");
        long[] out = new long[dims.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dims.get(i).path("size").asLong();
        }
        return out;
    }

    public String type(String attr) {
        return attrs.path(attr).path("type").asText();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
