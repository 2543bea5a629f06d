package dev.ferry.demos.inference.tfjs;

import dev.ferry.demos.inference.onnx.OnnxGraph;
import dev.ferry.demos.inference.onnx.OnnxGraph.Attr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports a TF.js graph model into ONNX, for models published only as TF.js graphs. It
 * converts a small set of operations (those of image classifiers such as mini-XCEPTION) and
 * names any other; images run NCHW inside the graph while its inputs and outputs keep
 * TensorFlow's names and shapes. The same graph always gives the same bytes (nodes in the
 * graph's order, names taken from it), so the imported file's sha256 can be pinned.
 */
public final class TfjsImporter {
    /** Operations whose values are read by the nodes that use them (weights) or that compute nothing. */
    private static final Set<String> PASSIVE = Set.of("Const", "NoOp");
    private static final Map<String, TfOp> OPS = new TreeMap<>(Map.of(
            "Placeholder", new PlaceholderOp(),
            "_FusedConv2D", new FusedConv2dOp(),
            "DepthwiseConv2dNative", new DepthwiseConv2dOp(),
            "MaxPool", new MaxPoolOp(),
            "AddV2", new SameShapeOp("Add"),
            "Add", new SameShapeOp("Add"),
            "Relu", new SameShapeOp("Relu"),
            "Identity", new SameShapeOp("Identity"),
            "Mean", new MeanOp(),
            "Softmax", new SoftmaxOp()));

    private TfjsImporter() {}

    /** Reads {@code modelJson} (and the weight files beside it) and writes the ONNX model to {@code target}. */
    public static void importFile(Path modelJson, Path target) throws IOException {
        Files.write(target, toOnnx(TfjsModel.read(modelJson), modelJson.getFileName().toString().replaceFirst("\\.json$", "")));
    }

    /** The serialised ONNX model of {@code model}. */
    public static byte[] toOnnx(TfjsModel model, String graphName) throws IOException {
        for (TfNode node : model.nodes()) {
            if (!PASSIVE.contains(node.op()) && !OPS.containsKey(node.op())) {
                throw new IOException("the TF.js graph uses the operation " + node.op() + " (node " + node.name()
                        + "), which the importer does not convert; it converts " + OPS.keySet());
            }
        }
        Conversion conversion = new Conversion(model, OnnxGraph.named(graphName));
        for (TfNode node : inDependencyOrder(model)) {
            OPS.get(node.op()).convert(node, conversion);
        }
        for (TfNode output : outputs(model)) {
            nhwcOutput(conversion, output.name(), conversion.value(output.name()));
        }
        return conversion.graph().toBytes();
    }

    /**
     * The computing nodes, each after the nodes it reads: the file's order, with a node whose
     * inputs are not ready yet taken up in the first later pass that has them.
     */
    private static List<TfNode> inDependencyOrder(TfjsModel model) throws IOException {
        List<TfNode> pending = new ArrayList<>(model.nodes().stream().filter(n -> !PASSIVE.contains(n.op())).toList());
        Set<String> ready = new HashSet<>(model.weights().keySet());
        List<TfNode> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            List<TfNode> now = pending.stream().filter(n -> ready.containsAll(n.inputs())).toList();
            if (now.isEmpty()) {
                throw new IOException("the TF.js graph's nodes " + pending.stream().map(TfNode::name).toList()
                        + " read values that no node gives");
            }
            ordered.addAll(now);
            now.forEach(n -> ready.add(n.name()));
            pending.removeAll(now);
        }
        return ordered;
    }

    /** The nodes no other node reads: the graph's outputs. */
    private static List<TfNode> outputs(TfjsModel model) {
        Set<String> read = new HashSet<>();
        model.nodes().forEach(n -> read.addAll(n.inputs()));
        return model.nodes().stream()
                .filter(n -> !PASSIVE.contains(n.op()) && !n.op().equals("Placeholder") && !read.contains(n.name()))
                .toList();
    }

    /** An output in TensorFlow's layout: an image is transposed back to NHWC. */
    private static void nhwcOutput(Conversion c, String name, OnnxValue v) {
        if (!v.channelsFirst()) {
            c.graph().output(v.name(), OnnxGraph.FLOAT, v.dims());
            return;
        }
        String nhwc = name + "/nhwc";
        c.graph().node("Transpose", List.of(v.name()), List.of(nhwc), Attr.ints("perm", 0, 2, 3, 1));
        long[] d = v.dims();
        c.graph().output(nhwc, OnnxGraph.FLOAT, d[0], d[2], d[3], d[1]);
    }
}
