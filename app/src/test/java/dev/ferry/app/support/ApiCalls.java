package dev.ferry.app.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/** A running node's API over real HTTP, as a front-end talks to it. */
public final class ApiCalls {
    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IntSupplier port;

    /** @param port the API's port, asked on each call: the node may start after this is made */
    public ApiCalls(IntSupplier port) {
        this.port = port;
    }

    public String base() {
        return "http://127.0.0.1:" + port.getAsInt();
    }

    /** One answer: its status, headers and body. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }

        @Override
        public String toString() {
            return status + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Answer postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** An HTML form post ({@code a=1&b=2}, already encoded), as older clients send. */
    public Answer postForm(String path, String encodedForm) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encodedForm)));
    }

    /** A multipart submit: a {@code params} part, and each file as a {@code file} part. */
    public Answer postFiles(String path, String paramsJson, Path... files) {
        List<FormPart> parts = new ArrayList<>();
        parts.add(new FormPart("params", null, "application/json", paramsJson.getBytes(StandardCharsets.UTF_8)));
        for (Path file : files) {
            parts.add(FormPart.file("file", file));
        }
        return postParts(path, parts);
    }

    /** A multipart form as a browser posts it: text {@code fields}, then {@code files} under their part names. */
    public Answer postMultipart(String path, Map<String, String> fields, Map<String, Path> files) {
        List<FormPart> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(new FormPart(name, null, "text/plain; charset=utf-8",
                value.getBytes(StandardCharsets.UTF_8))));
        files.forEach((name, file) -> parts.add(FormPart.file(name, file)));
        return postParts(path, parts);
    }

    /** One part of a multipart form; {@code fileName} null for a text field. */
    private record FormPart(String name, String fileName, String type, byte[] content) {
        static FormPart file(String name, Path file) {
            try {
                return new FormPart(name, file.getFileName().toString(), "application/octet-stream", Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Answer postParts(String path, List<FormPart> parts) {
        String boundary = "e2e-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (FormPart p : parts) {
            String disposition = "name=\"" + p.name() + "\"" + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"");
            part(body, boundary, disposition, p.type(), p.content());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Submits to {@code demo} and returns the new job's id; fails the test unless the API accepted it. */
    public String submitFiles(String demo, String paramsJson, Path... files) {
        return accepted(postFiles("/api/v1/demos/" + demo + "/jobs", paramsJson, files));
    }

    public String submitJson(String demo, String json) {
        return accepted(postJson("/api/v1/demos/" + demo + "/jobs", json));
    }

    /** Polls the job until it is finished. */
    public JsonNode awaitFinished(String id, Duration timeout) {
        return await("job " + id + " to finish").atMost(timeout).ignoreExceptions()
                .until(() -> get("/api/v1/jobs/" + id).json(), job -> FINAL.contains(job.path("state").asText()));
    }

    /** An output file of a job, by its path in the outputs folder; fails the test unless it is served. */
    public byte[] file(String id, String path) {
        Answer answer = get("/api/v1/jobs/" + id + "/files/" + path);
        if (answer.status() != 200) {
            throw new AssertionError("GET file " + path + " of " + id + ": " + answer);
        }
        return answer.body();
    }

    private static String accepted(Answer answer) {
        if (answer.status() != 202) {
            throw new AssertionError("submit not accepted: " + answer);
        }
        return answer.json().get("id").asText();
    }

    private URI uri(String path) {
        return URI.create(base() + path);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String disposition, String type, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\nContent-Type: "
                + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
