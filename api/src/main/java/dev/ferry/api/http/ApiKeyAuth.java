package dev.ferry.api.http;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.hash.Sha256;
import dev.ferry.core.webhook.ApiKeyId;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>} on every request but
 * the health check; also {@code X_API_KEY: <key>}, the header DSAC's clients send their key in. Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual},
 * against every configured key, so neither timing nor length tells how close a guess was.
 */
public final class ApiKeyAuth implements Handler {
    private static final String BEARER = "Bearer ";
    private static final String KEY_ID = "ferry.apiKeyId";
    private final List<byte[]> keyDigests;
    private final Set<String> openPaths;

    public ApiKeyAuth(Set<String> keys, Set<String> openPaths) {
        this.keyDigests = keys.stream().map(Sha256::bytes).toList();
        this.openPaths = Set.copyOf(openPaths);
    }

    @Override
    public void handle(Context ctx) {
        if (keyDigests.isEmpty() || openPaths.contains(ctx.path())) {
            return;
        }
        String given = presentedKey(ctx);
        byte[] digest = given == null ? null : Sha256.bytes(given);
        if (digest == null || !matches(digest)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "a valid API key is required: send 'Authorization: Bearer <key>'")
                    .withHeader("WWW-Authenticate", "Bearer");
        }
        ctx.attribute(KEY_ID, ApiKeyId.ofDigest(digest));
    }

    /** The {@link ApiKeyId} of the key this request came with; empty when keys are off (or the path is open). */
    public static Optional<String> keyId(Context ctx) {
        return Optional.ofNullable(ctx.attribute(KEY_ID));
    }

    private boolean matches(byte[] given) {
        boolean found = false;
        for (byte[] key : keyDigests) {
            found |= MessageDigest.isEqual(given, key);
        }
        return found;
    }

    private static String presentedKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        String apiKey = ctx.header("X-API-Key");
        return apiKey != null ? apiKey : ctx.header("X_API_KEY");
    }

}
