package dev.ferry.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.ClientSettings;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small client of Ferry's HTTP API, used by {@code ferry submit} and {@code ferry status}. */
public final class FerryClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ClientSettings settings;

    public FerryClient(ClientSettings settings) {
        this.settings = settings;
    }

    /** Submits a job; files go as multipart parts named {@code file}, params as the {@code params} part. */
    public JsonNode submit(String demo, Map<String, Object> params, List<Path> files, String priority) throws IOException, InterruptedException {
        MultipartBody body = new MultipartBody().json("params", Json.write(params)).field("priority", priority);
        for (Path file : files) {
            body.file("file", file);
        }
        HttpRequest request = request("/api/v1/demos/" + demo + "/jobs")
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build();
        return send(request);
    }

    public JsonNode job(String id) throws IOException, InterruptedException {
        return send(request("/api/v1/jobs/" + id).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.url() + path)).timeout(ANSWER_TIMEOUT);
        settings.apiKey().ifPresent(key -> b.header("Authorization", "Bearer " + key));
        return b;
    }

    /** @throws FerryUnreachable when no answer came; an IOException naming the error code when the answer is one */
    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw FerryUnreachable.of(settings.url(), e, CONNECT_TIMEOUT, ANSWER_TIMEOUT);
        }
        JsonNode body = response.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
        if (response.statusCode() >= 400) {
            JsonNode error = body.path("error");
            throw new IOException("HTTP " + response.statusCode() + " " + error.path("code").asText("error") + ": "
                    + error.path("message").asText(response.body()));
        }
        return body;
    }
}
