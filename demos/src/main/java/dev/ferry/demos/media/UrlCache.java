package dev.ferry.demos.media;

import dev.ferry.core.hash.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fetched documents by URL, in {@code <data>/cache/urls/<sha256 of the URL>}, so a second
 * job on the same manifest or PDF does not download it again. Files appear whole or not
 * at all (written to a temporary name, then renamed), so two workers fetching the same
 * URL at once leave one good copy.
 */
final class UrlCache {
    private final Path dir;

    UrlCache(Path dataDir) {
        this.dir = dataDir.resolve("cache").resolve("urls");
    }

    Optional<Path> find(String url) {
        Path file = fileFor(url);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    Path fileFor(String url) {
        return dir.resolve(Sha256.hex(url));
    }
}
