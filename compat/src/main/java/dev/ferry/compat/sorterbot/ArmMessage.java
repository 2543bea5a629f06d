package dev.ferry.compat.sorterbot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * One message from an arm: a binary {@code json_headers + b"___SPLIT___" + jpeg} (the photo
 * commands) or a JSON text (the session commands). The binary one is split at the FIRST marker:
 * the JSON headers never hold it, but a JPEG's bytes may, and the original's split at every
 * marker cut such a photo short.
 *
 * @param headers the JSON object, with {@code command} and the command's fields
 * @param photo   the bytes after the marker; empty for a text message
 */
record ArmMessage(JsonNode headers, Optional<byte[]> photo) {
    static final byte[] MARKER = "___SPLIT___".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    String command() {
        return text("command");
    }

    /** A required string field; numbers are read as their digits (a session id may come as either). */
    String text(String field) {
        JsonNode value = headers.get(field);
        if (value == null || !(value.isTextual() || value.isIntegralNumber())) {
            throw new ProtocolError(ErrorCode.INVALID_PARAM, "the message has no '" + field + "' (a string)");
        }
        return value.asText();
    }

    static ArmMessage binary(byte[] data, int offset, int length) {
        int at = indexOf(data, offset, offset + length, MARKER);
        if (at < 0) {
            throw new ProtocolError(ErrorCode.INVALID_PARAM, "a binary message is JSON headers, ___SPLIT___ and the photo;"
                    + " this one has no ___SPLIT___");
        }
        JsonNode headers = json(Arrays.copyOfRange(data, offset, at));
        byte[] photo = Arrays.copyOfRange(data, at + MARKER.length, offset + length);
        return new ArmMessage(headers, Optional.of(photo));
    }

    static ArmMessage ofText(String message) {
        return new ArmMessage(json(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Optional.empty());
    }

    private static JsonNode json(byte[] bytes) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ProtocolError(ErrorCode.INVALID_JSON, "the message's headers are not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolError(ErrorCode.INVALID_JSON, "the message's headers are not a JSON object");
        }
        return node;
    }

    private static int indexOf(byte[] data, int from, int to, byte[] pattern) {
        for (int i = from; i + pattern.length <= to; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }
}
