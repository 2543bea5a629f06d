package dev.ferry.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;

/** A real HTTP client pointed at one test server. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IntSupplier port;

    public Http(int port) {
        this(() -> port);
    }

    /** @param port asked at each request, so that a test class can hold a client of a server not started yet */
    public Http(IntSupplier port) {
        this.port = port;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path)).timeout(Duration.ofSeconds(20));
    }

    public Response get(String path, String... headers) {
        return send(withHeaders(request(path), headers).GET());
    }

    public Response postJson(String path, String json, String... headers) {
        return send(withHeaders(request(path), headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path, String... headers) {
        return send(withHeaders(request(path), headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response postMultipart(String path, Multipart form, String... headers) {
        return send(withHeaders(request(path), headers).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public <T> HttpResponse<T> raw(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CLIENT.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /** A received answer, with its body as text, bytes or JSON. */
    public record Response(HttpResponse<byte[]> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public byte[] bytes() {
            return raw.body();
        }

        public String text() {
            return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        /** The error code of an error answer. */
        public String errorCode() {
            return json().path("error").path("code").asText();
        }

        @Override
        public String toString() {
            return status() + " " + text();
        }
    }
}
