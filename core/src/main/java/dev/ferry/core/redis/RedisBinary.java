package dev.ferry.core.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * The redis-server binary that the embedded-redis jar carries for this OS, copied out once to
 * {@code ~/.cache/ferry/redis-server/} and reused by every start. (The library itself copies it
 * to a new {@code /tmp/redis-<n>/} at each start and deletes it only when the JVM exits
 * normally, so every crash left 9 MB behind.)
 */
final class RedisBinary {
    private RedisBinary() {}

    /** The binary's path; {@code fallback} holds it when the user's cache folder cannot. */
    static Path installed(Path fallback) throws IOException {
        String resource = ExecutableProvider.newProvidedVersionsMap().get(OsArchitecture.detectOSandArchitecture());
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "ferry", "redis-server");
        try {
            return copiedOnce(resource, cache);
        } catch (IOException e) {
            return copiedOnce(resource, fallback);
        }
    }

    private static Path copiedOnce(String resource, Path folder) throws IOException {
        Path binary = folder.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Files.createDirectories(folder);
        // Copied beside and renamed into place: a binary that exists is whole, even when two
        // processes copy it at once or one is killed half-way.
        Path part = Files.createTempFile(folder, binary.getFileName().toString(), ".part");
        try (InputStream in = RedisServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the embedded-redis jar has no redis-server for this system (" + resource + ")");
            }
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            if (!part.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + part + " executable");
            }
            return Files.move(part, binary, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
