package dev.ferry.core.sources;

import dev.ferry.core.config.MediaSettings;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.MediaTypes;
import dev.ferry.core.storage.SafeNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads an uploaded {@code images.zip} into its list of images, inflating every entry once to
 * check it. The archive is refused whole rather than kept in part, so that {@code index.json}
 * always describes every file of the archive served back: an entry whose path escapes the
 * archive, an entry that is not an image, an archive with no image, and one over the ZIP limits
 * ({@code FERRY_ZIP_MAX_ENTRIES}, {@code FERRY_ZIP_MAX_MB}, {@code FERRY_ZIP_MAX_RATIO}),
 * counted on the bytes actually inflated rather than the sizes the archive declares.
 * Folders, macOS resource forks and hidden files (such as {@code .DS_Store}) are passed over.
 */
final class SourceArchive {
    /** What the matching engines can decode. */
    static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/tiff", "image/bmp", "image/webp");
    private static final long RATIO_CHECK_FROM = 1024 * 1024;
    private static final int HEAD_BYTES = 64;
    private final MediaSettings limits;
    private long inflated;

    SourceArchive(MediaSettings limits) {
        this.limits = limits;
    }

    /** The archive's images sorted by entry name, numbered from 0. */
    List<SourceImage> index(Path zipFile) {
        if (!"application/zip".equals(MediaTypes.sniff(zipFile))) {
            throw new SourceException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "a source is uploaded as a ZIP archive of images;"
                    + " this file is " + MediaTypes.sniff(zipFile));
        }
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            if (zip.size() > limits.zipMaxEntries()) {
                throw new SourceException(ErrorCode.ZIP_LIMIT, "the archive holds " + zip.size() + " entries, more than the limit of "
                        + limits.zipMaxEntries() + " (FERRY_ZIP_MAX_ENTRIES)");
            }
            List<? extends ZipEntry> files = zip.stream().filter(e -> !e.isDirectory() && !isPassedOver(e.getName()))
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            if (files.isEmpty()) {
                throw new SourceException(ErrorCode.NO_IMAGES, zip.size() == 0 ? "the ZIP archive is empty"
                        : "the ZIP archive holds only folders and hidden files, no image");
            }
            List<SourceImage> images = new ArrayList<>();
            for (ZipEntry entry : files) {
                images.add(image(zip, entry, images.size(), Files.size(zipFile)));
            }
            return images;
        } catch (ZipException e) {
            throw new SourceException(ErrorCode.BAD_ZIP, "the ZIP archive is damaged: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SourceImage image(ZipFile zip, ZipEntry entry, int index, long archiveBytes) throws IOException {
        String name = entry.getName();
        if (SafeNames.resolveInside(Path.of("/archive"), name).isEmpty()) {
            throw new SourceException(ErrorCode.ZIP_PATH, "entry '" + name + "' has a path that escapes the archive");
        }
        long compressed = Math.max(1, entry.getCompressedSize() < 0 ? archiveBytes : entry.getCompressedSize());
        byte[] head = new byte[0];
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (total < HEAD_BYTES) {
                    head = concat(head, buffer, (int) Math.min(n, HEAD_BYTES - total));
                }
                total += n;
                count(name, n, total, compressed);
            }
        }
        String type = MediaTypes.sniff(head);
        if (!IMAGE_TYPES.contains(type)) {
            throw new SourceException(ErrorCode.NOT_AN_IMAGE, "entry '" + name + "' is " + type
                    + ", not an image; a source holds only PNG, JPEG, GIF, TIFF, BMP or WebP images");
        }
        return new SourceImage(index, name, total, type);
    }

    private void count(String name, int n, long entryTotal, long compressed) {
        inflated += n;
        if (inflated > limits.zipMaxBytes()) {
            throw new SourceException(ErrorCode.ZIP_LIMIT, "the archive inflates to more than " + limits.zipMaxBytes() / (1024 * 1024)
                    + " MB (FERRY_ZIP_MAX_MB)");
        }
        if (entryTotal > RATIO_CHECK_FROM && entryTotal / compressed > limits.zipMaxRatio()) {
            throw new SourceException(ErrorCode.ZIP_LIMIT, "entry '" + name + "' expands more than " + limits.zipMaxRatio()
                    + " times (FERRY_ZIP_MAX_RATIO): refused as an archive bomb");
        }
    }

    private static byte[] concat(byte[] head, byte[] more, int length) {
        byte[] joined = java.util.Arrays.copyOf(head, head.length + length);
        System.arraycopy(more, 0, joined, head.length, length);
        return joined;
    }

    private static boolean isPassedOver(String name) {
        return name.startsWith("__MACOSX/") || name.substring(name.lastIndexOf('/') + 1).startsWith(".");
    }
}
