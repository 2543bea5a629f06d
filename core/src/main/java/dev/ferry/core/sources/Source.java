package dev.ferry.core.sources;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reference collection the watermarks demo matches against: what {@code meta.json} holds
 * and what the API answers for it.
 *
 * @param uid      made by Ferry, never taken from a request
 * @param name     the client's name for it, or the uploaded file's name
 * @param metadata the client's own JSON object, kept as given
 * @param images   image entries in the archive, as listed in {@code index.json}
 * @param bytes    size of {@code images.zip}
 * @param created  when the upload was indexed
 */
public record Source(String uid, String name, Map<String, Object> metadata, int images, long bytes, Instant created) {
    public Source {
        // Kept in the client's order, nulls included: it is their JSON, given back as sent.
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
