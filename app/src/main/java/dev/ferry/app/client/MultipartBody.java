package dev.ferry.app.client;

import dev.ferry.core.storage.MediaTypes;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body whose file parts are streamed from disk, not read into memory. */
final class MultipartBody {
    private final String boundary = "ferry-" + UUID.randomUUID();
    private final List<BodyPublisher> pieces = new ArrayList<>();

    MultipartBody field(String name, String value) {
        return part("form-data; name=\"" + name + "\"", "text/plain; charset=UTF-8", BodyPublishers.ofString(value));
    }

    MultipartBody json(String name, String json) {
        return part("form-data; name=\"" + name + "\"", "application/json", BodyPublishers.ofString(json));
    }

    MultipartBody file(String name, Path file) {
        try {
            String fileName = file.getFileName().toString().replace("\"", "_");
            return part("form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"", MediaTypes.OCTET_STREAM,
                    BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(pieces);
        all.add(BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    private MultipartBody part(String disposition, String contentType, BodyPublisher content) {
        pieces.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: " + disposition
                + "\r\nContent-Type: " + contentType + "\r\n\r\n"));
        pieces.add(content);
        pieces.add(BodyPublishers.ofString("\r\n"));
        return this;
    }
}
