package dev.ferry.api.jobs;

import dev.ferry.core.hash.Sha256;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.JobInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two submits the same request, for idempotency: the demo, the validated parameters
 * (defaults filled in, so {@code {}} and the defaults spelled out are one request), priority,
 * time limit, and the inputs' contents in order. Upload file names are left out: the same bytes
 * under another name are the same request.
 */
final class RequestFingerprint {
    private RequestFingerprint() {}

    /** @param inputs the folder the request's inputs were stored in, in submission order; absent when it had none */
    static String of(String demo, Map<String, Object> params, SubmitOptions options, Path inputs) {
        MessageDigest digest = Sha256.digest();
        String request = Json.write(List.of(demo, new TreeMap<>(params), options.priority().wireName(), options.timeLimitMs()));
        digest.update(request.getBytes(StandardCharsets.UTF_8));
        for (Path input : JobInputs.list(inputs)) {
            digest.update(contentHash(input).getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String contentHash(Path input) {
        try {
            return Sha256.of(input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input " + input, e);
        }
    }
}
