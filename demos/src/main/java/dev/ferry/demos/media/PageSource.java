package dev.ferry.demos.media;

import java.nio.file.Path;
import java.util.List;

/**
 * The pages of a job's inputs, in input order. An input that cannot be opened at all still
 * yields an entry, whose {@link PageRef#load()} fails with the reason, so one bad file is a
 * failed page in the result and not a failed job.
 */
public interface PageSource {
    List<PageRef> pages(List<Path> inputs);

    /**
     * The page source demos use. For now image files only ({@link ImageFilePages}); the
     * media module's decoder (ZIP, URL, IIIF, PDF, size limits) takes its place here.
     */
    static PageSource standard() {
        return new ImageFilePages();
    }
}
