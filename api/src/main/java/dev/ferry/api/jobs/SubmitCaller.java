package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiKeyAuth;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who submits, as far as the submit's checks read it: options from the query string, and the
 * API key the request was let in with (webhooks are checked against it).
 *
 * @param query a query parameter's value, empty when absent or blank
 */
public record SubmitCaller(Function<String, Optional<String>> query, Optional<String> keyId) {
    /**
     * A protocol with no HTTP request to hand the submit (a WebSocket message): no query options,
     * no key, so the demo's defaults and no webhook.
     */
    public static final SubmitCaller NONE = new SubmitCaller(name -> Optional.empty(), Optional.empty());

    static SubmitCaller of(Context ctx) {
        return new SubmitCaller(name -> Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isBlank()),
                ApiKeyAuth.keyId(ctx));
    }
}
