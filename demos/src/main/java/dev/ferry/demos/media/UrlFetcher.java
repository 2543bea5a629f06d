package dev.ferry.demos.media;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.config.MediaSettings;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Downloads a job's URLs into the {@link UrlCache}. Redirects are followed here, not by
 * the HTTP client, so every hop goes through the {@link AddressPolicy}; a body is cut off
 * at {@code FERRY_FETCH_MAX_MB}, and the whole fetch, body included, at
 * {@code FERRY_FETCH_TIMEOUT_S}. Thread-safe; one per worker is enough.
 */
public final class UrlFetcher implements AutoCloseable {
    /** Its thread starts with the first fetch. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("ferry-fetch-deadlines"));
    private final MediaSettings settings;
    private final AddressPolicy policy;
    private final UrlCache cache;
    private final HttpClient client;

    public UrlFetcher(MediaSettings settings, Path dataDir) {
        this.settings = settings;
        this.policy = new AddressPolicy(settings.allowPrivateUrls());
        this.cache = new UrlCache(dataDir);
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.fetchTimeout())
                .build();
    }

    /** The cached file when this URL was fetched before; never touches the network. */
    public Optional<Path> cached(String url) {
        return cache.find(parse(url).toString());
    }

    /**
     * The URL's body as a local file, from the cache when present.
     *
     * @throws MediaException {@code url_refused}, {@code fetch_failed}, {@code fetch_too_large} or {@code fetch_timeout}
     */
    public Path fetch(String url) {
        URI uri = parse(url);
        Optional<Path> hit = cache.find(uri.toString());
        if (hit.isPresent()) {
            return hit.get();
        }
        long deadline = System.nanoTime() + settings.fetchTimeout().toNanos();
        URI current = uri;
        for (int hop = 0; hop <= settings.fetchMaxRedirects(); hop++) {
            policy.check(current);
            HttpResponse<InputStream> response = send(current, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(response.body());
                String location = response.headers().firstValue("Location").orElseThrow(() ->
                        new MediaException(ErrorCode.FETCH_FAILED, "redirect without a Location from " + uri));
                current = parse(current.resolve(location).toString());
                continue;
            }
            if (status != 200) {
                close(response.body());
                throw new MediaException(ErrorCode.FETCH_FAILED, "HTTP " + status + " from " + current);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > settings.fetchMaxBytes()) {
                close(response.body());
                throw tooLarge(uri);
            }
            return download(uri, response.body(), deadline);
        }
        throw new MediaException(ErrorCode.FETCH_FAILED, "more than " + settings.fetchMaxRedirects()
                + " redirects from " + uri + " (FERRY_FETCH_MAX_REDIRECTS)");
    }

    private HttpResponse<InputStream> send(URI uri, long deadline) {
        Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(left).header("Accept", "*/*").GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw timeout(uri);
        } catch (IOException e) {
            throw new MediaException(ErrorCode.FETCH_FAILED, "cannot fetch " + uri + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(ErrorCode.FETCH_FAILED, "interrupted while fetching " + uri);
        }
    }

    /** Copies the body into the cache; a watchdog closes the stream at the deadline so a slow body cannot hang. */
    private Path download(URI uri, InputStream body, long deadline) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = deadlines.schedule(() -> {
            timedOut.set(true);
            close(body);
        }, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        Path target = cache.fileFor(uri.toString());
        try (body) {
            AtomicFiles.copy(body, target, settings.fetchMaxBytes());
            return target;
        } catch (AtomicFiles.TooLargeException e) {
            throw tooLarge(uri);
        } catch (IOException e) {
            if (timedOut.get()) {
                throw timeout(uri);
            }
            throw new MediaException(ErrorCode.FETCH_FAILED, "download of " + uri + " broke off: " + describe(e));
        } finally {
            watchdog.cancel(false);
        }
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new MediaException(ErrorCode.BAD_URL, "not a valid URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new MediaException(ErrorCode.BAD_URL, "only absolute http and https URLs can be fetched, not " + url);
        }
        return uri;
    }

    private MediaException tooLarge(URI uri) {
        return new MediaException(ErrorCode.FETCH_TOO_LARGE, uri + " is larger than " + settings.fetchMaxBytes() / (1024 * 1024)
                + " MB (FERRY_FETCH_MAX_MB)");
    }

    private MediaException timeout(URI uri) {
        return new MediaException(ErrorCode.FETCH_TIMEOUT, "fetching " + uri + " took longer than "
                + settings.fetchTimeout().toSeconds() + " s (FERRY_FETCH_TIMEOUT_S)");
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing a response we no longer read; nothing to recover
        }
    }

    /** Stops the deadline timer; fetches after this fail. */
    @Override
    public void close() {
        deadlines.shutdownNow();
    }
}
