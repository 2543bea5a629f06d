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
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(settings.url() + path)).timeout(Duration.ofSeconds(60));
        settings.apiKey().ifPresent(key -> b.header("Authorization", "Bearer " + key));
        return b;
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
        if (response.statusCode() >= 400) {
            JsonNode error = body.path("error");
            throw new IOException("HTTP " + response.statusCode() + " " + error.path("code").asText("error") + ": "
                    + error.path("message").asText(response.body()));
        }
        return body;
    }
}
