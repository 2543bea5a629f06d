package dev.ferry.api.monitor;

import dev.ferry.core.storage.DataFolder;
import java.time.Duration;

/** Bytes used by the data folder; walking the tree is slow, so a figure is reused for a while. */
public final class DataFolderUsage {
    static final Duration REUSE = Duration.ofSeconds(30);
    private final DataFolder data;
    private long usedBytes;
    private long measuredAtNanos;
    private boolean measured;

    public DataFolderUsage(DataFolder data) {
        this.data = data;
    }

    public synchronized long usedBytes() {
        long now = System.nanoTime();
        if (!measured || now - measuredAtNanos > REUSE.toNanos()) {
            usedBytes = data.usedBytes();
            measuredAtNanos = now;
            measured = true;
        }
        return usedBytes;
    }

    public DataView view() {
        return new DataView(data.root().toString(), usedBytes(), data.freeBytes());
    }

    /** The data folder as {@code /monitor} shows it. */
    public record DataView(String path, long usedBytes, long freeBytes) {}
}
