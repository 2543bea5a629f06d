package dev.ferry.demos.media;

import dev.ferry.core.config.MediaSettings;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.SafeNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A ZIP archive of images, one page per image entry in name order. Entries are read into
 * memory, never extracted to disk, and within limits that defuse archive bombs: the entry
 * count ({@code FERRY_ZIP_MAX_ENTRIES}), the uncompressed bytes of the whole archive
 * ({@code FERRY_ZIP_MAX_MB}) and, for entries over 1 MiB, the compression ratio
 * ({@code FERRY_ZIP_MAX_RATIO}), all counted on the bytes actually inflated rather than
 * the sizes the archive declares. Entry names that would escape a folder are refused;
 * other files are skipped with a warning. Every entry that gives no page is also counted
 * in one {@link SkippedEntries}, which the job's error and log tell once per archive.
 */
final class ZipDocument implements Document {
    private static final long RATIO_CHECK_FROM = 1024 * 1024;
    private final String source;
    private final ZipFile zip;
    private final long archiveBytes;
    private final List<ZipEntry> entries;
    private final MediaSettings limits;
    private final ImageDecoder decoder;
    private final Consumer<String> warnings;
    private final SkippedEntries skipped;
    private long inflated;

    ZipDocument(String source, Path file, MediaSettings limits, ImageDecoder decoder, Consumer<String> warnings) {
        this.source = source;
        this.limits = limits;
        this.decoder = decoder;
        this.warnings = warnings;
        this.skipped = new SkippedEntries(source);
        try {
            this.zip = new ZipFile(file.toFile());
            this.archiveBytes = Files.size(file);
        } catch (ZipException e) {
            throw new MediaException(ErrorCode.BAD_ZIP, source + " is not a readable ZIP archive: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int count = zip.size();
        if (count > limits.zipMaxEntries()) {
            close();
            throw new MediaException(ErrorCode.ZIP_LIMIT, source + " holds " + count + " entries, more than the limit of "
                    + limits.zipMaxEntries() + " (FERRY_ZIP_MAX_ENTRIES)");
        }
        List<ZipEntry> all = new ArrayList<>();
        zip.stream().filter(e -> !e.isDirectory() && !isMacMetadata(e.getName())).forEach(all::add);
        all.sort(Comparator.comparing(ZipEntry::getName));
        this.entries = all;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public OptionalInt pageCount() {
        return OptionalInt.of(entries.size());
    }

    @Override
    public Iterator<PageRef> pages() {
        return new Iterator<>() {
            private int next;
            private PageRef ready;

            @Override
            public boolean hasNext() {
                while (ready == null && next < entries.size()) {
                    if (inflated > limits.zipMaxBytes()) {
                        warnings.accept((entries.size() - next) + " entries of " + source
                                + " were not read: the archive is over its size limit");
                        skipped.add("not read, over FERRY_ZIP_MAX_MB", entries.get(next).getName(), entries.size() - next);
                        next = entries.size();
                        break;
                    }
                    ready = toPage(entries.get(next++));
                }
                return ready != null;
            }

            @Override
            public PageRef next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                PageRef page = ready;
                ready = null;
                return page;
            }
        };
    }

    /** A page for an image entry, a failed page for a refused one, null for a skipped one. */
    private PageRef toPage(ZipEntry entry) {
        String name = entry.getName();
        String label = skipped.label(name);
        if (SafeNames.resolveInside(Path.of("/archive"), name).isEmpty()) {
            return refused(label, entry, new MediaException(ErrorCode.ZIP_PATH,
                    "entry '" + name + "' of " + source + " has a path that escapes the archive; refused"));
        }
        byte[] head;
        try {
            head = read(entry, ImageFormat.SNIFF_BYTES);
        } catch (MediaException e) {
            return refused(label, entry, e);
        }
        if (ImageFormat.sniff(head).isEmpty()) {
            warnings.accept("skipped " + label + ": not an image");
            skipped.add("not images", name);
            return null;
        }
        return new PageRef(label, () -> {
            try {
                return decoder.decode(read(entry, Long.MAX_VALUE));
            } catch (MediaException e) {
                skipped.add(reason(e), name);
                throw e;
            }
        });
    }

    private PageRef refused(String label, ZipEntry entry, MediaException why) {
        skipped.add(reason(why), entry.getName());
        return PageRef.failed(label, why);
    }

    /** Why an entry gave no page, in the words of the per-archive summary. */
    private static String reason(MediaException e) {
        return switch (e.errorCode()) {
            case ZIP_LIMIT -> "too large";
            case ZIP_PATH -> "paths outside the archive";
            case BAD_ZIP -> "damaged";
            default -> "unreadable images";
        };
    }

    /** Reads up to {@code max} bytes of an entry, counting them against the archive's limits. */
    private byte[] read(ZipEntry entry, long max) {
        long compressed = Math.max(1, Math.min(entry.getCompressedSize() < 0 ? archiveBytes : entry.getCompressedSize(), archiveBytes));
        var out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while (total < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total))) > 0) {
                total += n;
                inflated += n;
                if (inflated > limits.zipMaxBytes()) {
                    throw new MediaException(ErrorCode.ZIP_LIMIT, source + " inflates to more than " + limits.zipMaxBytes() / (1024 * 1024)
                            + " MB (FERRY_ZIP_MAX_MB); the rest of the archive is not read");
                }
                if (total > RATIO_CHECK_FROM && total / compressed > limits.zipMaxRatio()) {
                    throw new MediaException(ErrorCode.ZIP_LIMIT, "entry '" + entry.getName() + "' of " + source
                            + " expands more than " + limits.zipMaxRatio() + " times (FERRY_ZIP_MAX_RATIO): refused as an archive bomb");
                }
                out.write(buffer, 0, n);
            }
        } catch (ZipException e) {
            throw new MediaException(ErrorCode.BAD_ZIP, "entry '" + entry.getName() + "' of " + source + " is damaged: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean isMacMetadata(String name) {
        return name.startsWith("__MACOSX/") || name.substring(name.lastIndexOf('/') + 1).startsWith("._");
    }

    @Override
    public List<SkippedEntries> skipped() {
        return skipped.isEmpty() ? List.of() : List.of(skipped);
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
