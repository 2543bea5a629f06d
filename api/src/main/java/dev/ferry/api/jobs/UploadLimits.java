package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;

/**
 * How much a multipart submit may carry, and where Jetty spools its parts: to disk from the
 * first KiB on, so an upload never sits whole in memory.
 */
public record UploadLimits(long maxUploadBytes, Path spoolDir) {
    /** Room for boundaries, part headers and the params part on top of the files themselves. */
    static final long ENVELOPE_BYTES = 1 << 20;
    private static final int IN_MEMORY_BYTES = 1024;

    public long maxRequestBytes() {
        return maxUploadBytes + ENVELOPE_BYTES;
    }

    public MultipartConfigElement multipartConfig() {
        return new MultipartConfigElement(spoolDir.toString(), maxUploadBytes, maxRequestBytes(), IN_MEMORY_BYTES);
    }

    ApiException tooLarge() {
        return new ApiException(ErrorCode.TOO_LARGE, "uploads are limited to " + describe(maxUploadBytes));
    }

    private static String describe(long bytes) {
        long mb = 1024L * 1024;
        return bytes % mb == 0 ? bytes / mb + " MB" : bytes + " bytes";
    }
}
