package dev.ferry.compat.sorterbot;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.hash.Sha256;
import java.util.regex.Pattern;

/**
 * An arm's session, by the two ids the arm sends. They are checked before anything is done with
 * them, and even then never become a path or a Redis key themselves: both use {@link #name()},
 * generated from them (SorterBot built SQL schema and table names from them unescaped).
 */
record SessionKey(String armId, String sessionId) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    SessionKey {
        check("arm_id", armId);
        check("session_id", sessionId);
    }

    static SessionKey of(ArmMessage message) {
        return new SessionKey(message.text("arm_id"), message.text("session_id"));
    }

    /** 32 hex digits, the same for the same two ids. */
    String name() {
        return Sha256.hex(armId + "/" + sessionId).substring(0, 32);
    }

    private static void check(String field, String value) {
        if (!ID.matcher(value).matches()) {
            throw new ProtocolError(ErrorCode.INVALID_PARAM, field + " must be 1 to 64 letters, digits, _ or -");
        }
    }
}
