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
        return HexFormat.of().formatHex(Sha256.bytes(apiKey), 0, 16);
    }
}
