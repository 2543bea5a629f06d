package dev.ferry.core.webhook;

import dev.ferry.core.hash.Sha256;
import java.util.HexFormat;

/**
 * What Ferry stores to know which API key submitted a job: the first 16 bytes of the key's
 * SHA-256, in hex. It names a key without revealing it, so a job's record may hold it.
 */
public final class ApiKeyId {
    private ApiKeyId() {}

    public static String of(String apiKey) {
        return ofDigest(Sha256.bytes(apiKey));
    }

    /** From the key's SHA-256, for a caller that has it already (the key check). */
    public static String ofDigest(byte[] sha256) {
        return HexFormat.of().formatHex(sha256, 0, 16);
    }
}
