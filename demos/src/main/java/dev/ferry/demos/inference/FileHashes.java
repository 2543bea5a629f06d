package dev.ferry.demos.inference;

import dev.ferry.core.hash.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * sha256 of model files, remembered while a file's size and modification time stay the
 * same: hashing a large model takes seconds, and listings ask often.
 */
final class FileHashes {
    private record Known(long size, FileTime modified, String sha256) {}

    private final Map<Path, Known> known = new ConcurrentHashMap<>();

    String sha256(Path file) {
        try {
            long size = Files.size(file);
            FileTime modified = Files.getLastModifiedTime(file);
            Known k = known.get(file);
            if (k != null && k.size() == size && k.modified().equals(modified)) {
                return k.sha256();
            }
            String hash = Sha256.of(file);
            known.put(file, new Known(size, modified, hash));
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Records a hash just computed while the file was written. */
    void remember(Path file, String sha256) throws IOException {
        known.put(file, new Known(Files.size(file), Files.getLastModifiedTime(file), sha256));
    }

    void forget() {
        known.clear();
    }
}
