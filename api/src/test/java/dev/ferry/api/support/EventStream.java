package dev.ferry.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads Server-Sent Events off an open response, one event at a time. */
public final class EventStream implements AutoCloseable {
    private final HttpResponse<Stream<String>> response;
    private final Iterator<String> lines;

    public EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.lines = response.body().iterator();
    }

    public int status() {
        return response.statusCode();
    }

    /** The next event, or empty when the server ended the stream. Comments (keep-alives) are skipped. */
    public Optional<Event> next() {
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        boolean any = false;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if (any) {
                    return Optional.of(new Event(name, id, data.toString()));
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            any = true;
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data.append(data.length() > 0 ? "\n" : "").append(value);
                default -> { }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        response.body().close();
    }

    /** One event: its name, id and JSON data. */
    public record Event(String name, String id, String data) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public long version() {
            return Long.parseLong(id);
        }
    }
}
