package dev.ferry.demos.media;

import dev.ferry.core.storage.InputSpec;
import dev.ferry.core.storage.JobFiles;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * An {@link InputSpec}: each URL fetched when the pages reach it and opened as what it turns
 * out to be; each job entry read from that job's outputs folder ({@link JobFilesDocument}).
 */
final class UrlListDocument implements Document {
    private final String source;
    private final ConcatPages pages;

    UrlListDocument(String source, InputSpec spec, MediaReader reader, Consumer<String> warnings) {
        this.source = source;
        this.pages = new ConcatPages(spec.inputs().stream().map(input -> pending(input, reader, warnings)).toList());
    }

    private static ConcatPages.Pending pending(InputSpec.Entry input, MediaReader reader, Consumer<String> warnings) {
        if (input instanceof JobFiles files) {
            return new ConcatPages.Pending(files.job() + "/" + files.files(), () -> reader.openJobFiles(files, warnings));
        }
        String url = ((InputSpec.UrlInput) input).url();
        return new ConcatPages.Pending(url, () -> reader.openUrl(url, warnings));
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
    public List<SkippedEntries> skipped() {
        return pages.skipped();
    }

    @Override
    public void close() {
        pages.close();
    }
}
