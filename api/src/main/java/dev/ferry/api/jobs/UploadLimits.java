package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.api.http.ErrorMapping;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.DiskFull;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * How much a multipart submit may carry, and where Jetty spools its parts: to disk from the
 * first KiB on, so an upload never sits whole in memory.
 */
public record UploadLimits(long maxUploadBytes, Path spoolDir) {
    /** Room for boundaries, part headers and the params part on top of the files themselves. */
    static final long ENVELOPE_BYTES = 1 << 20;
    /** Jetty reads its multipart limits from this request attribute. */
    static final String CONFIG_ATTRIBUTE = "org.eclipse.jetty.multipartConfig";
    private static final int IN_MEMORY_BYTES = 1024;
    static final int MAX_FIELD_BYTES = JsonSubmitReader.MAX_BYTES;

    public long maxRequestBytes() {
        return maxUploadBytes + ENVELOPE_BYTES;
    }

    public MultipartConfigElement multipartConfig() {
        return new MultipartConfigElement(spoolDir.toString(), maxUploadBytes, maxRequestBytes(), IN_MEMORY_BYTES);
    }

    /** The parts of a multipart request, read within these limits; the files spooled to {@link #spoolDir}. */
    public Collection<Part> parts(Context ctx) {
        // a declared length over the limit is refused before a byte of it is read
        if (ctx.req().getContentLengthLong() > maxRequestBytes()) {
            throw tooLarge();
        }
        // Set per request rather than through Javalin's process-wide default, so that two
        // servers in one JVM (tests, or an embedding app) keep their own limits.
        ctx.req().setAttribute(CONFIG_ATTRIBUTE, multipartConfig());
        try {
            return ctx.req().getParts();
        } catch (IllegalStateException e) {
            // Jetty's way of saying a part or the whole request passed its limit
            if (e.getMessage() != null && e.getMessage().contains("exceeds")) {
                throw tooLarge();
            }
            throw unreadable();
        } catch (IOException | ServletException e) {
            if (DiskFull.causedBy(e)) {
                throw ErrorMapping.diskFull();
            }
            throw unreadable();
        }
    }

    public ApiException tooLarge() {
        return new ApiException(ErrorCode.TOO_LARGE, "uploads are limited to " + describe(maxUploadBytes));
    }

    /** A form field's value, refused as {@code too_large} past {@value #MAX_FIELD_BYTES} bytes. */
    public static byte[] fieldBytes(Part part) {
        try (InputStream in = part.getInputStream()) {
            byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (value.length > MAX_FIELD_BYTES) {
                throw new ApiException(ErrorCode.TOO_LARGE, "form field '" + part.getName() + "' is larger than " + MAX_FIELD_BYTES + " bytes");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException unreadable() {
        return new ApiException(ErrorCode.INVALID_MULTIPART, "the multipart body cannot be read");
    }

    private static String describe(long bytes) {
        long mb = 1024L * 1024;
        return bytes % mb == 0 ? bytes / mb + " MB" : bytes + " bytes";
    }
}
