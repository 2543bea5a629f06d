package dev.ferry.api.sources;

import dev.ferry.api.http.ApiException;
import dev.ferry.api.jobs.UploadLimits;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.sources.Source;
import dev.ferry.core.sources.SourceStore;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.DataFolder;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The watermarks demo's reference collections: {@code POST}, {@code GET} and {@code DELETE}
 * on {@value #PATH}, and each source's {@code images.zip} and {@code index.json}. They are
 * served whether or not the demo is, so collections can be prepared before it runs.
 */
public final class SourcesHandler {
    public static final String PATH = "/api/v1/demos/watermarks/sources";
    private final SourceStore store;
    private final UploadLimits limits;
    private final DataFolder data;
    private final long minFreeBytes;

    public SourcesHandler(SourceStore store, UploadLimits limits, DataFolder data, long minFreeBytes) {
        this.store = store;
        this.limits = limits;
        this.data = data;
        this.minFreeBytes = minFreeBytes;
    }

    public void add(Context ctx) throws IOException {
        if (data.freeBytes() < minFreeBytes) {
            throw new ApiException(ErrorCode.INSUFFICIENT_STORAGE, "the data folder is almost full; no new sources until space is freed");
        }
        SourceForm form = SourceForm.read(ctx, limits);
        Source source;
        try (InputStream zip = form.open()) {
            source = store.add(zip, limits.maxUploadBytes(), form.name(), form.metadata());
        } catch (AtomicFiles.TooLargeException e) {
            throw limits.tooLarge();
        }
        SourceView view = SourceView.of(source);
        ctx.status(201).header("Location", view.url()).json(view);
    }

    public void list(Context ctx) {
        List<SourceView> sources = store.list().stream().map(SourceView::of).toList();
        ctx.json(Map.of("sources", sources));
    }

    public void get(Context ctx) {
        ctx.json(SourceView.of(store.get(ctx.pathParam("uid"))));
    }

    public void images(Context ctx) {
        serve(ctx, store.file(ctx.pathParam("uid"), SourceStore.IMAGES), "application/zip");
    }

    public void index(Context ctx) {
        serve(ctx, store.file(ctx.pathParam("uid"), SourceStore.INDEX), "application/json");
    }

    public void delete(Context ctx) {
        store.delete(ctx.pathParam("uid"));
        ctx.status(204);
    }

    private static void serve(Context ctx, Path file, String type) {
        try {
            ctx.contentType(type).header("Content-Length", Long.toString(Files.size(file))).result(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            // deleted between finding the source and opening its file
            throw new ApiException(ErrorCode.SOURCE_NOT_FOUND, "the source was just deleted");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
