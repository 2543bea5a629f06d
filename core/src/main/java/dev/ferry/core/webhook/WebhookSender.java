package dev.ferry.core.webhook;

import dev.ferry.core.net.AddressGuard;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends one signed delivery. Only a 2xx answer delivers: a redirect is not followed (a
 * receiver that moved says so in its own logs, not by sending signed events elsewhere).
 * The address guard runs before every attempt, since a name's addresses can change.
 */
final class WebhookSender {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> OWN_HEADERS = Set.of("content-type", "webhook-id", "webhook-timestamp", "webhook-signature");
    private final AddressGuard guard;
    private final WebhookSigner signer;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    WebhookSender(AddressGuard guard, WebhookSigner signer) {
        this.guard = guard;
        this.signer = signer;
    }

    /**
     * @param headers the format's own headers, added after Ferry's (which they cannot replace)
     * @param keyId the {@link ApiKeyId} of the key that submitted the job, whose secret signs; empty for the installation's
     */
    SendResult send(URI url, String id, String contentType, byte[] body, Map<String, String> headers, Optional<String> keyId) {
        long start = System.nanoTime();
        try {
            Optional<String> refusal = guard.refusal(url);
            if (refusal.isPresent()) {
                return failure(start, Optional.empty(), refusal.get());
            }
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                    .timeout(TIMEOUT)
                    .header("Content-Type", contentType)
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signer.signature(id, timestamp, body, keyId))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((name, value) -> {
                if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    builder.header(name, value);
                }
            });
            HttpRequest request = builder.build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new SendResult(Optional.of(status), millisSince(start), Optional.empty(), Optional.empty(), false);
            }
            return new SendResult(Optional.of(status), millisSince(start), Optional.of("the receiver answered " + status),
                    response.headers().firstValue("Retry-After").flatMap(WebhookSender::retryAfter), false);
        } catch (UnknownHostException e) {
            return failure(start, Optional.empty(), "cannot resolve " + url.getHost());
        } catch (IOException e) {
            return failure(start, Optional.empty(), e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(start, Optional.empty(), "interrupted while sending");
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date; anything else is ignored. */
    static Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Duration.between(Instant.now(), at)).filter(d -> !d.isNegative());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static SendResult failure(long start, Optional<Integer> status, String error) {
        return new SendResult(status, millisSince(start), Optional.of(error), Optional.empty(), false);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
