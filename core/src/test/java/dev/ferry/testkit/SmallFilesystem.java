package dev.ferry.testkit;

import dev.ferry.core.storage.DataFolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real filesystem of a few MB for a test class, so it can fill a disk and meet ENOSPC as a
 * deployment would. A tmpfs is mounted in a mount namespace of its own, held by a small process
 * that lives as long as the class's tests (and ends by itself with the JVM, when its stdin closes); the
 * test reaches it through {@code /proc/<pid>/root}. Nothing is mounted where the rest of the
 * machine sees it, so a crashed test leaves no mount behind.
 *
 * <p>As root (the CI machine) {@code unshare --mount} suffices; an ordinary user needs user
 * namespaces ({@code unshare --user --map-root-user --mount}). Where neither is allowed (a
 * container without {@code CAP_SYS_ADMIN} whose seccomp profile refuses user namespaces),
 * creating one fails with what each way answered: the test fails, it is not skipped.
 */
public final class SmallFilesystem implements BeforeAllCallback, AfterAllCallback {
    private static final List<List<String>> UNSHARE = List.of(
            List.of("unshare", "--mount", "--propagation", "private"),
            List.of("unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"));
    private final int megabytes;
    private Process holder;
    private Path mountPoint;
    private Path path;

    private SmallFilesystem(int megabytes) {
        this.megabytes = megabytes;
    }

    /** A filesystem of {@code megabytes} MB: {@code @RegisterExtension static final SmallFilesystem disk = SmallFilesystem.of(8);} */
    public static SmallFilesystem of(int megabytes) {
        return new SmallFilesystem(megabytes);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        mountPoint = TempFolder.create("ferry-small-fs-").path();
        List<String> refusals = new ArrayList<>();
        for (List<String> unshare : UNSHARE) {
            try {
                holder = mount(unshare, mountPoint, megabytes);
                path = Path.of("/proc", Long.toString(holder.pid()), "root").resolve(mountPoint.toString().substring(1));
                return;
            } catch (IOException e) {
                refusals.add(String.join(" ", unshare) + ": " + e.getMessage());
            }
        }
        throw new IllegalStateException("cannot create a small filesystem for the full-disk tests; they need root"
                + " (CAP_SYS_ADMIN) or user namespaces. Tried:\n  " + String.join("\n  ", refusals));
    }

    /** Where the test sees the filesystem's root. */
    public Path path() {
        return path;
    }

    public long freeBytes() {
        return path.toFile().getUsableSpace();
    }

    /** Writes zeros to {@code name} until the filesystem is full, as another program filling the disk would. */
    public Path fill(String name) {
        Path filler = path.resolve(name);
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (freeBytes() >= block.length) {
                throw new UncheckedIOException("the filesystem is not full, yet writing failed", full);
            }
            return filler;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (holder == null) {
            return;
        }
        holder.destroy();
        try {
            holder.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        DataFolder.deleteTree(mountPoint);
    }

    /** Starts the holder; it prints {@code ready} once the tmpfs is mounted, then waits for its stdin to close. */
    private static Process mount(List<String> unshare, Path mountPoint, int megabytes) throws IOException {
        List<String> command = new ArrayList<>(unshare);
        command.addAll(List.of("/bin/sh", "-c", "mount -t tmpfs -o size=" + megabytes + "m ferry-small-fs \"$1\" && echo ready && exec cat",
                "ferry-small-fs", mountPoint.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (!"ready".equals(first)) {
            process.destroy();
            throw new IOException(first == null ? "no answer" : first);
        }
        return process;
    }
}
