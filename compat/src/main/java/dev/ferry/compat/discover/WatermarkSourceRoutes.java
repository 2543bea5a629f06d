package dev.ferry.compat.discover;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.sources.Source;
import dev.ferry.core.sources.SourceException;
import dev.ferry.core.sources.SourceStore;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * discover's watermark reference collections (app/watermarks/routes.py: sources, and each
 * source's images.zip and index.json), read from the sources Ferry's own API manages: a
 * source is uploaded and deleted there, never here.
 */
final class WatermarkSourceRoutes {
    private final SourceStore store;

    WatermarkSourceRoutes(SourceStore store) {
        this.store = store;
    }

    /** {@code [{"uid", "metadata"}]} (sources.py, list_available); Ferry's name is added to the metadata when it has none. */
    void list(Context ctx) {
        List<Map<String, Object>> sources = store.list().stream().map(WatermarkSourceRoutes::entry).toList();
        ctx.json(sources);
    }

    void images(Context ctx) {
        serve(ctx, SourceStore.IMAGES, "application/zip");
    }

    void index(Context ctx) {
        serve(ctx, SourceStore.INDEX, "application/json");
    }

    private static Map<String, Object> entry(Source source) {
        Map<String, Object> metadata = new LinkedHashMap<>(source.metadata());
        metadata.putIfAbsent("name", source.name());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("uid", source.uid());
        entry.put("metadata", metadata);
        return entry;
    }

    private void serve(Context ctx, String fileName, String type) {
        String uid = ctx.pathParam("uid");
        try {
            Path file = store.file(uid, fileName);
            ctx.contentType(type).header("Content-Length", Long.toString(Files.size(file))).result(Files.newInputStream(file));
        } catch (SourceException | NoSuchFileException e) {
            throw notFound(uid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** discover's words (routes.py, send_result and start_task), with Ferry's code. */
    static ApiException notFound(String uid) {
        return new ApiException(ErrorCode.SOURCE_NOT_FOUND, "Source " + uid + " not found");
    }
}
