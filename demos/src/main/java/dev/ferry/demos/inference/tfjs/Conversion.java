package dev.ferry.demos.inference.tfjs;

import dev.ferry.demos.inference.onnx.OnnxGraph;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The state of one import: the ONNX graph being written and the ONNX value each converted TF.js node gave. */
final class Conversion {
    private final TfjsModel model;
    private final OnnxGraph graph;
    private final Map<String, OnnxValue> values = new HashMap<>();
    private final Set<String> initializers = new HashSet<>();

    Conversion(TfjsModel model, OnnxGraph graph) {
        this.model = model;
        this.graph = graph;
    }

    OnnxGraph graph() {
        return graph;
    }

    /** The ONNX value of a converted node's output. */
    OnnxValue value(String tfName) throws IOException {
        OnnxValue v = values.get(tfName);
        if (v == null) {
            throw new IOException(model.weights().containsKey(tfName)
                    ? "the constant " + tfName + " is used where the importer expects a computed tensor"
                    : "no node gives " + tfName);
        }
        return v;
    }

    void define(String tfName, OnnxValue value) {
        values.put(tfName, value);
    }

    TfWeight weight(String tfName) throws IOException {
        TfWeight w = model.weights().get(tfName);
        if (w == null) {
            throw new IOException(tfName + " is not a constant of the weight files; the importer needs it to be one");
        }
        return w;
    }

    /** Adds the initializer once (a weight shared by two nodes is written once) and returns its name. */
    String initializer(String name, float[] data, long... dims) {
        if (initializers.add(name)) {
            graph.initializer(name, data, dims);
        }
        return name;
    }
}
