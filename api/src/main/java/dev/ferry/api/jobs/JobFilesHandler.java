package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.JobId;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.OutputFileTypes;
import dev.ferry.core.storage.SafeNames;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.eclipse.jetty.server.InclusiveByteRange;

/**
 * GET /api/v1/jobs/{id}/files/{path...} and /inputs/{path...}: one output or input file, with
 * single byte ranges. The path is resolved inside the job's outputs (or inputs) folder, and its
 * real path (after links) must stay there too. Ranges are parsed by Jetty's {@link InclusiveByteRange}; Javalin's
 * seekable writer ignores a range's end outside audio and video, so it is not used.
 */
public final class JobFilesHandler implements Handler {
    private final Function<JobId, Path> folder;

    private JobFilesHandler(Function<JobId, Path> folder) {
        this.folder = folder;
    }

    /** The files a job wrote. */
    public static JobFilesHandler outputs(DataFolder data) {
        return new JobFilesHandler(data::outputsDir);
    }

    /** The files a job was given: so a page can play the recording it transcribed. */
    public static JobFilesHandler inputs(DataFolder data) {
        return new JobFilesHandler(data::inputsDir);
    }

    @Override
    public void handle(Context ctx) {
        JobId id = JobLookup.id(ctx);
        Path file = resolve(folder.apply(id), ctx.pathParam("path"));
        String type = OutputFileTypes.of(file.getFileName().toString());
        long size = size(file);
        ctx.header("X-Content-Type-Options", "nosniff").header("Accept-Ranges", "bytes").contentType(type);
        if (OutputFileTypes.isActive(type)) {
            ctx.header("Content-Security-Policy", "sandbox");
        }
        List<String> rangeHeaders = Collections.list(ctx.req().getHeaders("Range"));
        if (rangeHeaders.isEmpty()) {
            ctx.header("Content-Length", Long.toString(size)).result(open(file, 0, size));
            return;
        }
        List<InclusiveByteRange> ranges = InclusiveByteRange.satisfiableRanges(Collections.enumeration(rangeHeaders), size);
        if (ranges == null || ranges.isEmpty()) {
            throw new ApiException(ErrorCode.RANGE_NOT_SATISFIABLE, "the range " + String.join(", ", rangeHeaders)
                    + " lies outside the file, which is " + size + " bytes long")
                    .withHeader("Content-Range", InclusiveByteRange.to416HeaderRangeString(size));
        }
        if (ranges.size() > 1) {
            // Several ranges would need a multipart/byteranges answer; the whole file is a valid answer too.
            ctx.header("Content-Length", Long.toString(size)).result(open(file, 0, size));
            return;
        }
        InclusiveByteRange range = ranges.get(0);
        ctx.status(206)
                .header("Content-Range", range.toHeaderRangeString(size))
                .header("Content-Length", Long.toString(range.getSize()))
                .result(open(file, range.getFirst(), range.getSize()));
    }

    private static Path resolve(Path outputs, String relative) {
        Path file = SafeNames.resolveInside(outputs, relative).filter(Files::isRegularFile).orElseThrow(JobFilesHandler::notFound);
        try {
            if (!file.toRealPath().startsWith(outputs.toRealPath())) {
                throw notFound();
            }
        } catch (IOException e) {
            throw notFound();
        }
        return file;
    }

    private static InputStream open(Path file, long from, long length) {
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(from);
            return new BoundedInputStream(in, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.FILE_NOT_FOUND, "no such output file");
    }
}
