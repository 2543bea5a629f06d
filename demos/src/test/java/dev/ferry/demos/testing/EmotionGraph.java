package dev.ferry.demos.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes an ONNX emotion classifier with the FER+ signature whose output is known:
 * {@code logits = mean(face pixels) * weights + bias}, so a face of one grey value has
 * logits a test can compute. With {@code softmax} the graph ends in a Softmax and outputs
 * probabilities instead. Field numbers are those of the public onnx.proto.
 * (The shared testkit's ONNX graph writer can replace this once it is on the branch.)
 */
public final class EmotionGraph {
    private EmotionGraph() {}

    public static byte[] write(String inputName, float[] weights, float[] bias, boolean softmax) {
        int classes = weights.length;
        Message graph = new Message();
        graph.message(1, node("ReduceMean", new String[] {inputName}, new String[] {"mean"},
                new Message().string(1, "axes").int64s(8, 2, 3).int32(20, 7),
                new Message().string(1, "keepdims").int64(3, 0).int32(20, 2)));
        graph.message(1, node("MatMul", new String[] {"mean", "w"}, new String[] {"scaled"}));
        graph.message(1, node("Add", new String[] {"scaled", "b"}, new String[] {softmax ? "logits" : "scores"}));
        if (softmax) {
            graph.message(1, node("Softmax", new String[] {"logits"}, new String[] {"scores"},
                    new Message().string(1, "axis").int64(3, -1).int32(20, 2)));
        }
        graph.string(2, "emotion-test");
        graph.message(5, tensor("w", weights, 1, classes));
        graph.message(5, tensor("b", bias, classes));
        graph.message(11, valueInfo(inputName, 1, 1, 64, 64));
        graph.message(12, valueInfo("scores", 1, classes));
        return new Message()
                .int64(1, 8)
                .string(2, "ferry-tests")
                .message(7, graph)
                .message(8, new Message().string(1, "").int64(2, 13))
                .toBytes();
    }

    private static Message node(String op, String[] in, String[] out, Message... attributes) {
        Message node = new Message();
        for (String i : in) {
            node.string(1, i);
        }
        for (String o : out) {
            node.string(2, o);
        }
        node.string(3, op.toLowerCase()).string(4, op);
        for (Message a : attributes) {
            node.message(5, a);
        }
        return node;
    }

    private static Message tensor(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        Message t = new Message();
        for (long d : dims) {
            t.int64(1, d);
        }
        return t.int32(2, 1).string(8, name).bytes(9, raw.array());
    }

    private static Message valueInfo(String name, long... dims) {
        Message shape = new Message();
        for (long d : dims) {
            shape.message(1, new Message().int64(1, d));
        }
        Message tensorType = new Message().int32(1, 1).message(2, shape);
        return new Message().string(1, name).message(2, new Message().message(1, tensorType));
    }

    /** One protobuf message, written field by field. */
    private static final class Message {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

        Message string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Message bytes(int field, byte[] value) {
            try {
                out.writeBytes(field, ByteString.copyFrom(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Message int64(int field, long value) {
            try {
                out.writeInt64(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Message int64s(int field, long... values) {
            for (long v : values) {
                int64(field, v);
            }
            return this;
        }

        Message int32(int field, int value) {
            try {
                out.writeInt32(field, value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        Message message(int field, Message inner) {
            return bytes(field, inner.toBytes());
        }

        byte[] toBytes() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }
}
