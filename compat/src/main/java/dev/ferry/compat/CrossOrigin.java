package dev.ferry.compat;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRouting;
import java.util.Set;

/**
 * Lets browser pages on the configured origins ({@code FERRY_COMPAT_CORS_ORIGINS}) call a
 * protocol's routes, as the replaced services' CORS middleware did: their front-ends are
 * served from another origin than the API. No origin is allowed unless configured.
 */
public final class CrossOrigin {
    private static final String ANY = "*";
    private final Set<String> origins;

    public CrossOrigin(Set<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /** Answers the allowed origins on {@code path}: the requests themselves, and the preflights a browser may send first. */
    public void register(JavalinDefaultRouting r, String path) {
        r.before(path, this::allow);
        r.options(path, this::preflight);
    }

    private void allow(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || !(origins.contains(ANY) || origins.contains(origin))) {
            return;
        }
        if (origins.contains(ANY)) {
            ctx.header("Access-Control-Allow-Origin", ANY);
        } else {
            // a named origin may send its cookies (the mood page's client cookie)
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Access-Control-Allow-Credentials", "true");
            ctx.header("Vary", "Origin");
        }
    }

    private void preflight(Context ctx) {
        allow(ctx);
        ctx.header("Access-Control-Allow-Methods", "GET, POST");
        String asked = ctx.header("Access-Control-Request-Headers");
        if (asked != null) {
            ctx.header("Access-Control-Allow-Headers", asked);
        }
        ctx.header("Access-Control-Max-Age", "3600");
        ctx.status(204);
    }
}
