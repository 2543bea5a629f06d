package dev.ferry.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.json.Json;
import dev.ferry.testkit.SmallFilesystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A job whose outputs fill the data folder's disk: a readable failure, nothing left behind, a worker still serving. */
class WorkerDiskFullTest {
    private static final int DISK_MB = 8;
    @RegisterExtension
    static final WorkerFixture fx = new WorkerFixture();
    @RegisterExtension
    static final SmallFilesystem disk = SmallFilesystem.of(DISK_MB);

    @Test
    void aJobThatFillsTheDiskFailsAsDiskFullWithItsOutputsRemovedAndTheWorkerServesTheNextJob() {
        fx.useDataFolder(disk.path().resolve("data"));
        long freeBefore = disk.freeBytes();
        TestDemo demo = new TestDemo(fx.demo, (context, run) -> {
            boolean big = "big".equals(context.stringParam("tag"));
            write(context.outputDir().resolve("out.bin"), big ? 2 * freeBefore : 4096);
            return Json.MAPPER.createObjectNode().put("run", run);
        });
        fx.start(demo);

        JobId big = fx.submit(Priority.NORMAL, 2, 60_000, Map.of("tag", "big"));
        Job failed = fx.await(big, JobState.FAILED);
        JobError error = failed.error().orElseThrow();
        assertEquals("disk_full", error.code());
        assertTrue(error.message().contains("No space left on device"), error.message());
        assertEquals(2, failed.attempts(), "a full disk is retried, as space may come back");
        assertFalse(Files.exists(fx.data.outputsDir(big)), "the partial outputs are removed");
        assertTrue(disk.freeBytes() > freeBefore / 2, "the space is back: " + disk.freeBytes() + " of " + freeBefore);

        JobId small = fx.submit(Priority.NORMAL, 1, 60_000, Map.of("tag", "small"));
        Job done = fx.await(small, JobState.SUCCEEDED);
        assertEquals(1, done.files().size());
        assertEquals(3, demo.runs());
    }

    /** Writes the way a demo writes an output, block by block, until {@code bytes} or the disk's end. */
    private static void write(Path file, long bytes) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += block.length) {
                out.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
        }
    }
}
