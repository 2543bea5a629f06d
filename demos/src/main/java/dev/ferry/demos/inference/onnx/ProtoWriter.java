package dev.ferry.demos.inference.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Encodes one protobuf message field by field; {@link OnnxGraph} supplies the ONNX field numbers. */
final class ProtoWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    ProtoWriter string(int field, String value) {
        return io(() -> out.writeBytes(field, ByteString.copyFrom(value, StandardCharsets.UTF_8)));
    }

    ProtoWriter bytes(int field, byte[] value) {
        return io(() -> out.writeByteArray(field, value));
    }

    ProtoWriter int64(int field, long value) {
        return io(() -> out.writeInt64(field, value));
    }

    ProtoWriter int32(int field, int value) {
        return io(() -> out.writeInt32(field, value));
    }

    ProtoWriter float32(int field, float value) {
        return io(() -> out.writeFloat(field, value));
    }

    /** An embedded message is written like a bytes field holding its encoding. */
    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toBytes());
    }

    byte[] toBytes() {
        io(out::flush);
        return bytes.toByteArray();
    }

    private interface IoStep {
        void run() throws IOException;
    }

    private ProtoWriter io(IoStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
