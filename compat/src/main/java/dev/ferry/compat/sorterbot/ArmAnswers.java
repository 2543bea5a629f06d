package dev.ferry.compat.sorterbot;

import io.javalin.websocket.WsContext;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * How an arm is told a message failed. First the answer its client waits for in the protocol's
 * own shape, the one that means "nothing done" ({@code false} for a photo, {@code []} for
 * commands: the arm then returns to its start position), then the connection is closed with a
 * policy-violation code and a reason naming Ferry's error code and what was wrong.
 */
final class ArmAnswers {
    /** A close frame's reason is at most 123 bytes of UTF-8. */
    private static final int MAX_REASON = 123;

    private ArmAnswers() {}

    static void fail(WsContext ws, String failedAnswer, ProtocolError error) {
        if (!failedAnswer.isEmpty()) {
            ws.send(failedAnswer);
        }
        ws.closeSession(StatusCode.POLICY_VIOLATION, reason(error));
    }

    static String reason(ProtocolError error) {
        String reason = error.code().wireName() + ": " + error.getMessage();
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON) {
            return reason;
        }
        String cut = new String(bytes, 0, MAX_REASON - 3, StandardCharsets.UTF_8);
        // a multi-byte character cut in half decodes to U+FFFD: drop it
        return cut.replace("\uFFFD", "") + "...";
    }
}
