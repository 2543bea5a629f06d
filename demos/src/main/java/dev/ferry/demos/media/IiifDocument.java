package dev.ferry.demos.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.OptionalInt;

/** A IIIF manifest: one page per canvas, each image fetched (and cached) when its page is loaded. */
final class IiifDocument implements Document {
    private final String source;
    private final IiifManifest manifest;
    private final UrlFetcher fetcher;
    private final ImageDecoder decoder;

    IiifDocument(String source, IiifManifest manifest, UrlFetcher fetcher, ImageDecoder decoder) {
        this.source = source;
        this.manifest = manifest;
        this.fetcher = fetcher;
        this.decoder = decoder;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public OptionalInt pageCount() {
        return OptionalInt.of(manifest.canvases().size());
    }

    @Override
    public Iterator<PageRef> pages() {
        return manifest.canvases().stream()
                .map(c -> new PageRef(c.imageUrl(), () -> decoder.decode(read(c.imageUrl()))))
                .iterator();
    }

    private byte[] read(String url) {
        try {
            return Files.readAllBytes(fetcher.fetch(url));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
