package dev.ferry.core.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes that readers never see half done: a temporary file in the same folder, then a rename. */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] content) {
        try {
            Path temp = tempBeside(target);
            try {
                Files.write(temp, content);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Copies a stream to {@code target}, stopping at {@code maxBytes}; returns the bytes written. */
    public static long copy(InputStream in, Path target, long maxBytes) throws IOException {
        Path temp = tempBeside(target);
        try {
            long written;
            try (var out = Files.newOutputStream(temp)) {
                written = transfer(in, out, maxBytes);
            }
            move(temp, target);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static long transfer(InputStream in, java.io.OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static Path tempBeside(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.createTempFile(target.getParent(), ".tmp-", ".part");
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A stream was longer than its limit. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("larger than the limit of " + maxBytes + " bytes");
        }
    }
}
