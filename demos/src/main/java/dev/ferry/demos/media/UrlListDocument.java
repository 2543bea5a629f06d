package dev.ferry.demos.media;

import dev.ferry.core.storage.InputSpec;
import java.util.Iterator;
import java.util.function.Consumer;

/** An {@link InputSpec}: each URL fetched when the pages reach it, and opened as what it turns out to be. */
final class UrlListDocument implements Document {
    private final String source;
    private final ConcatPages pages;

    UrlListDocument(String source, InputSpec spec, MediaReader reader, Consumer<String> warnings) {
        this.source = source;
        this.pages = new ConcatPages(spec.inputs().stream()
                .map(input -> new ConcatPages.Pending(input.url(), () -> reader.openUrl(input.url(), warnings)))
                .toList());
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Iterator<PageRef> pages() {
        return pages;
    }

    @Override
    public void close() {
        pages.close();
    }
}
