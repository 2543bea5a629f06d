package dev.ferry.demos.inference.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes ONNX models: those imported from TF.js graphs ({@code dev.ferry.demos.inference.tfjs})
 * and the tests' small graphs, real operators with known weights, so a test knows exactly
 * what a model must output. The protobuf is written field by field using the public field
 * numbers of the ONNX format (onnx.proto), so no schema is vendored; the same calls give
 * the same bytes (no names, times or ids are made up), so a written model's sha256 can be pinned.
 *
 * <pre>{@code
 * byte[] model = OnnxGraph.named("double")
 *     .input("x", OnnxGraph.FLOAT, 1, 4)
 *     .initializer("two", new float[] {2f})
 *     .node("Mul", List.of("x", "two"), List.of("y"))
 *     .output("y", OnnxGraph.FLOAT, 1, 4)
 *     .toBytes();
 * }</pre>
 * A dimension of {@code -1} is written as a symbolic (dynamic) dimension.
 */
public final class OnnxGraph {
    /** TensorProto.DataType values. */
    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT32 = 6;
    public static final int INT64 = 7;

    private static final long IR_VERSION = 8;
    private final String name;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private long opset = 17;

    private OnnxGraph(String name) {
        this.name = name;
    }

    public static OnnxGraph named(String name) {
        return new OnnxGraph(name);
    }

    public OnnxGraph opset(long version) {
        this.opset = version;
        return this;
    }

    public OnnxGraph input(String valueName, int elemType, long... dims) {
        inputs.add(valueInfo(valueName, elemType, dims));
        return this;
    }

    public OnnxGraph output(String valueName, int elemType, long... dims) {
        outputs.add(valueInfo(valueName, elemType, dims));
        return this;
    }

    /** A constant float tensor; with no {@code dims} it is a scalar. */
    public OnnxGraph initializer(String tensorName, float[] values, long... dims) {
        initializers.add(tensor(tensorName, values, dims));
        return this;
    }

    public OnnxGraph initializer(String tensorName, long[] values, long... dims) {
        initializers.add(tensor(tensorName, values, dims));
        return this;
    }

    public OnnxGraph node(String opType, List<String> in, List<String> out, Attr... attributes) {
        ProtoWriter node = new ProtoWriter();
        in.forEach(i -> node.string(1, i));
        out.forEach(o -> node.string(2, o));
        node.string(3, opType + "_" + nodes.size());
        node.string(4, opType);
        for (Attr a : attributes) {
            node.message(5, a.proto);
        }
        nodes.add(node);
        return this;
    }

    /** The serialised ModelProto. */
    public byte[] toBytes() {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, name);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));
        return new ProtoWriter()
                .int64(1, IR_VERSION)
                .string(2, "ferry")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").int64(2, opset))
                .toBytes();
    }

    public Path writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node attribute (AttributeProto). */
    public static final class Attr {
        private final ProtoWriter proto;

        private Attr(String name, int type) {
            this.proto = new ProtoWriter().string(1, name).int32(20, type);
        }

        public static Attr of(String name, long value) {
            Attr a = new Attr(name, 2);
            a.proto.int64(3, value);
            return a;
        }

        public static Attr of(String name, float value) {
            Attr a = new Attr(name, 1);
            a.proto.float32(2, value);
            return a;
        }

        public static Attr ints(String name, long... values) {
            Attr a = new Attr(name, 7);
            for (long v : values) {
                a.proto.int64(8, v);
            }
            return a;
        }

        /** A tensor-valued attribute, as the Constant operator's {@code value}. */
        public static Attr tensor(String name, float[] values, long... dims) {
            Attr a = new Attr(name, 4);
            a.proto.message(5, OnnxGraph.tensor("", values, dims));
            return a;
        }
    }

    private static ProtoWriter valueInfo(String valueName, int elemType, long[] dims) {
        ProtoWriter shape = new ProtoWriter();
        for (int i = 0; i < dims.length; i++) {
            shape.message(1, dims[i] < 0
                    ? new ProtoWriter().string(2, valueName + "_d" + i)
                    : new ProtoWriter().int64(1, dims[i]));
        }
        ProtoWriter tensorType = new ProtoWriter().int32(1, elemType).message(2, shape);
        return new ProtoWriter().string(1, valueName).message(2, new ProtoWriter().message(1, tensorType));
    }

    private static ProtoWriter tensor(String tensorName, float[] values, long[] dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return tensor(tensorName, FLOAT, raw.array(), dims);
    }

    private static ProtoWriter tensor(String tensorName, long[] values, long[] dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return tensor(tensorName, INT64, raw.array(), dims);
    }

    private static ProtoWriter tensor(String tensorName, int dataType, byte[] raw, long[] dims) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) {
            t.int64(1, d);
        }
        t.int32(2, dataType);
        if (!tensorName.isEmpty()) {
            t.string(8, tensorName);
        }
        return t.bytes(9, raw);
    }
}
