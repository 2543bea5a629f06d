package dev.ferry.api.ui;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The browser's Ferry: {@code /} and its assets under {@code /ui/}, served from the jar. The
 * assets are a fixed list read once at start, so no part of a request path ever names a
 * resource; the pages carry a strict Content-Security-Policy (scripts and styles from this
 * origin only, nothing inline, no framing).
 */
public final class WebApp {
    public static final String ROOT = "/";
    public static final String ASSETS = "/ui/";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";
    /** Every asset there is; nothing else under {@code /ui/} exists. */
    private static final List<String> NAMES = List.of(
            "index.html", "style.css", "viewers.css", "operator.css",
            "app.js", "api.js", "dom.js", "home.js", "demo-form.js", "job-page.js", "jobs.js",
            "operator.js", "viewers.js", "viewer-parts.js", "viewer-generic.js", "viewer-regions.js", "viewer-faces.js",
            "viewer-vectorization.js", "viewer-clustering.js", "viewer-sign.js", "viewer-asr.js", "viewer-similarity.js");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final Map<String, byte[]> assets;

    private WebApp(Map<String, byte[]> assets) {
        this.assets = assets;
    }

    /** Reads the assets from the class path. */
    public static WebApp load() {
        return new WebApp(NAMES.stream().collect(Collectors.toUnmodifiableMap(name -> name, WebApp::read)));
    }

    /** The paths a browser loads before it can send a key: the page asks for the key itself. */
    public Set<String> openPaths() {
        return NAMES.stream().map(name -> name.equals("index.html") ? ROOT : ASSETS + name)
                .collect(Collectors.toUnmodifiableSet());
    }

    public void page(Context ctx) {
        send(ctx, "index.html");
    }

    public void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        if (!assets.containsKey(name)) {
            throw new ApiException(ErrorCode.NOT_FOUND, "no asset " + ASSETS + name);
        }
        send(ctx, name);
    }

    private void send(Context ctx, String name) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
        ctx.result(assets.get(name));
    }

    private static byte[] read(String name) {
        try (InputStream in = WebApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the web app's " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
