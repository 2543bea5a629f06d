package dev.ferry.demos.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;

/** A single image file: one page, decoded when it is loaded. */
final class ImageDocument implements Document {
    private final String source;
    private final Path file;
    private final ImageDecoder decoder;

    ImageDocument(String source, Path file, ImageDecoder decoder) {
        this.source = source;
        this.file = file;
        this.decoder = decoder;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Iterator<PageRef> pages() {
        return List.of(new PageRef(source, () -> decoder.decode(read(file)))).iterator();
    }

    @Override
    public OptionalInt pageCount() {
        return OptionalInt.of(1);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
