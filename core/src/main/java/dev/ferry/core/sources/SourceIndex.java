package dev.ferry.core.sources;

import java.util.List;

/** What {@code index.json} holds: the images of {@code images.zip}, in index order. */
public record SourceIndex(String uid, List<SourceImage> images) {
    public SourceIndex {
        images = List.copyOf(images);
    }
}
