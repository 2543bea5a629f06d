package dev.ferry.core.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ferry.lock} in the embedded Redis's folder, locked for as long as this process runs
 * that Redis: one {@code ferry up} per data folder. The operating system releases the lock
 * when the process ends, however it ends, so a crash never leaves a stale lock behind.
 */
final class RedisFolderLock implements AutoCloseable {
    /**
     * Folders locked by this JVM. Closing any channel of a locked file would drop the JVM's lock
     * on it, so a second start in this JVM is refused without opening the file.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private final Path dir;
    private final FileChannel channel;

    private RedisFolderLock(Path dir, FileChannel channel) {
        this.dir = dir;
        this.channel = channel;
    }

    /** @throws IllegalStateException when another process, or this one, already runs this folder's Redis */
    static RedisFolderLock acquire(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw alreadyUsed(key, ProcessHandle.current().pid());
        }
        try {
            FileChannel channel = FileChannel.open(key.resolve("ferry.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw alreadyUsed(key, holder(key));
            }
            channel.truncate(0).write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new RedisFolderLock(key, channel);
        } catch (IOException e) {
            HELD.remove(key);
            throw new UncheckedIOException("cannot lock " + key.resolve("ferry.lock"), e);
        } catch (RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static IllegalStateException alreadyUsed(Path dir, Object pid) {
        return new IllegalStateException("another `ferry up` (pid " + pid + ") is already running on the data folder "
                + dir.getParent() + ": stop it first, or give this one its own FERRY_DATA");
    }

    /** The pid the holder wrote into the lock file, for the message. */
    private static String holder(Path dir) {
        try {
            return Files.readString(dir.resolve("ferry.lock"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            HELD.remove(dir);
        }
    }
}
