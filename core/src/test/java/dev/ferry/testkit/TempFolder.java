package dev.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder that a test fixture creates itself (JUnit's {@code @TempDir} only reaches
 * test classes), deleted with all it holds when closed.
 */
public final class TempFolder implements AutoCloseable {
    private final Path path;

    private TempFolder(Path path) {
        this.path = path;
    }

    public static TempFolder create(String prefix) {
        try {
            return new TempFolder(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    /** A new empty folder inside this one. */
    public Path newFolder(String prefix) {
        try {
            return Files.createTempDirectory(path, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
