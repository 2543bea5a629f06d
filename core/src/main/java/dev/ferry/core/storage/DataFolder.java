package dev.ferry.core.storage;

import dev.ferry.core.job.JobId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The persistent data folder shared by the API and the workers:
 * {@code jobs/<id>/inputs/}, {@code jobs/<id>/outputs/}, {@code jobs/<id>/job.json},
 * {@code redis/} for the embedded Redis's append-only file, and {@code watermarks/sources/}
 * for the watermarks demo's reference collections ({@code dev.ferry.core.sources.SourceStore}).
 */
public final class DataFolder {
    private final Path root;

    public DataFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root.resolve("jobs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + this.root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Safe because a {@link JobId} only ever holds {@code [a-z0-9_-]}. */
    public Path jobDir(JobId id) {
        return root.resolve("jobs").resolve(id.toString());
    }

    public Path inputsDir(JobId id) {
        return jobDir(id).resolve("inputs");
    }

    public Path outputsDir(JobId id) {
        return jobDir(id).resolve("outputs");
    }

    public Path jobJson(JobId id) {
        return jobDir(id).resolve("job.json");
    }

    public Path watermarkSources() {
        return root.resolve("watermarks").resolve("sources");
    }

    public Path redisDir() {
        return root.resolve("redis");
    }

    /**
     * Asked of the folder itself (statvfs) rather than through {@code Files.getFileStore}, which
     * looks the folder up in this process's mount table: a folder on a filesystem mounted in
     * another mount namespace (reached through {@code /proc/<pid>/root}, as the full-disk tests
     * do) is not listed there.
     */
    public long freeBytes() {
        long free = root.toFile().getUsableSpace();
        if (free == 0 && !Files.isDirectory(root)) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(root.toString()));
        }
        return free;
    }

    /** Bytes used by job folders; walks the tree, so callers should not call it per request. */
    public long usedBytes() {
        try (Stream<Path> files = Files.walk(root.resolve("jobs"))) {
            return files.filter(Files::isRegularFile).mapToLong(DataFolder::sizeOf).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** Removes a job's folder and everything in it. */
    public void deleteJob(JobId id) {
        deleteTree(jobDir(id));
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
