package dev.ferry.core.sources;

import dev.ferry.core.config.MediaSettings;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.DataFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The watermarks demo's reference collections, one folder each under
 * {@code <data>/watermarks/sources/<uid>/}:
 * <ul>
 *   <li>{@code images.zip}: the archive as uploaded;
 *   <li>{@code index.json}: its images in index order ({@link SourceIndex}), computed once on upload;
 *   <li>{@code meta.json}: the {@link Source} record;
 *   <li>{@code features/<engine>/}: left to the matching engines to cache their features of
 *       the images in, so each engine indexes a source once ({@link #featuresDir}).
 * </ul>
 * A source is assembled in a hidden folder beside the others and renamed into place once
 * checked, and deleted by renaming it away first, so a reader sees a whole source or none.
 */
public final class SourceStore {
    public static final String IMAGES = "images.zip";
    public static final String INDEX = "index.json";
    public static final String META = "meta.json";
    private static final Pattern ENGINE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private final Path root;
    private final MediaSettings limits;
    private final Clock clock;

    public SourceStore(DataFolder data, MediaSettings limits) {
        this(data, limits, Clock.systemUTC());
    }

    SourceStore(DataFolder data, MediaSettings limits, Clock clock) {
        this.root = data.watermarkSources();
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Stores {@code zip} as a new source after indexing it.
     *
     * @param maxBytes the longest the archive may be
     * @throws SourceException when the archive cannot be a source
     * @throws AtomicFiles.TooLargeException when it is longer than {@code maxBytes}
     */
    public Source add(InputStream zip, long maxBytes, String name, Map<String, Object> metadata) throws IOException {
        Instant now = clock.instant();
        String uid = SourceUid.generate(now);
        Path incoming = root.resolve(".incoming-" + uid);
        try {
            Files.createDirectories(incoming);
            long bytes = AtomicFiles.copy(zip, incoming.resolve(IMAGES), maxBytes);
            List<SourceImage> images = new SourceArchive(limits).index(incoming.resolve(IMAGES));
            Source source = new Source(uid, name, metadata, images.size(), bytes, now);
            Files.write(incoming.resolve(INDEX), Json.writeBytes(new SourceIndex(uid, images)));
            Files.write(incoming.resolve(META), Json.writeBytes(source));
            Files.move(incoming, root.resolve(uid));
            return source;
        } finally {
            DataFolder.deleteTree(incoming);
        }
    }

    /** Every source, oldest first. */
    public List<Source> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            List<Source> sources = new ArrayList<>();
            folders.map(f -> f.getFileName().toString()).filter(SourceUid::isValid).sorted()
                    .forEach(uid -> read(uid).ifPresent(sources::add));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws SourceException {@code source_not_found} */
    public Source get(String uid) {
        return read(uid).orElseThrow(() -> notFound(uid));
    }

    /** {@code images.zip} or {@code index.json} of a source. */
    public Path file(String uid, String fileName) {
        if (!fileName.equals(IMAGES) && !fileName.equals(INDEX)) {
            throw new IllegalArgumentException("a source serves only " + IMAGES + " and " + INDEX);
        }
        return folder(uid).resolve(fileName);
    }

    /** The index computed when the source was added. */
    public SourceIndex index(String uid) {
        try {
            return Json.MAPPER.readValue(file(uid, INDEX).toFile(), SourceIndex.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where {@code engine} keeps its features of the source's images; created on demand, and
     * deleted with the source. The watermarks demo writes its engines' features there.
     */
    public Path featuresDir(String uid, String engine) {
        if (!ENGINE.matcher(engine).matches()) {
            throw new IllegalArgumentException("not an engine name: " + engine);
        }
        return folder(uid).resolve("features").resolve(engine);
    }

    /** @throws SourceException {@code source_not_found} */
    public void delete(String uid) {
        Path gone = root.resolve(".deleting-" + uid);
        try {
            Files.move(folder(uid), gone);
        } catch (IOException e) {
            throw notFound(uid);
        }
        DataFolder.deleteTree(gone);
    }

    private Path folder(String uid) {
        if (!SourceUid.isValid(uid) || !Files.isRegularFile(root.resolve(uid).resolve(META))) {
            throw notFound(uid);
        }
        return root.resolve(uid);
    }

    private Optional<Source> read(String uid) {
        if (!SourceUid.isValid(uid)) {
            return Optional.empty();
        }
        Path meta = root.resolve(uid).resolve(META);
        try {
            return Optional.of(Json.MAPPER.readValue(meta.toFile(), Source.class));
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
    }

    private static SourceException notFound(String uid) {
        String shown = uid.length() > 40 ? uid.substring(0, 40) + "…" : uid;
        return new SourceException(ErrorCode.SOURCE_NOT_FOUND, "no watermark source '" + shown + "'");
    }
}
