package dev.ferry.compat.discover;

import java.util.List;

/**
 * Which of a task's documents each page belongs to, told the pages in Ferry's order. Ferry
 * numbers pages across all inputs; a page whose source begins with a document's {@code src} (an
 * image URL, {@code <pdf>#page=N}, {@code <zip>!/entry}) starts that document, and the pages
 * after it (a IIIF manifest's canvases, whose sources are image URLs) stay with it. The
 * annotations and the downloaded images share this rule, so a crop's page is in its document's ZIP.
 */
final class DocumentOfPage {
    private final List<DiscoverDocument> documents;
    private DiscoverDocument current;

    /** @param documents at least one */
    DocumentOfPage(List<DiscoverDocument> documents) {
        this.documents = documents;
        this.current = documents.get(0);
    }

    /** The document of the next page, by its source. */
    DiscoverDocument next(String source) {
        current = documents.stream().filter(d -> source.startsWith(d.src())).findFirst().orElse(current);
        return current;
    }
}
