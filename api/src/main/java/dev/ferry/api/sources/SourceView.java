package dev.ferry.api.sources;

import dev.ferry.core.sources.Source;
import java.time.Instant;
import java.util.Map;

/** A source as the API shows it: its record, and where its two files are served. */
record SourceView(String uid, String name, Map<String, Object> metadata, int images, long bytes, Instant created,
        String url, String imagesUrl, String indexUrl) {

    static SourceView of(Source source) {
        String url = SourcesHandler.PATH + "/" + source.uid();
        return new SourceView(source.uid(), source.name(), source.metadata(), source.images(), source.bytes(), source.created(),
                url, url + "/images.zip", url + "/index.json");
    }
}
