package dev.ferry.compat.discover;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.SafeNames;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * discover's {@code /<demo>/<id>/result}: a ZIP. A vectorization job wrote its own ({@code zip}
 * in its result); a clustering job's outputs folder is zipped while it is sent, as discover
 * zipped its results folder (app/dticlustering/tasks.py). Only files inside the job's outputs
 * folder are read: the path comes from the job, and is still resolved safely.
 */
final class ResultFiles {
    private ResultFiles() {}

    static void send(Context ctx, Job job, DataFolder data) {
        Path outputs = data.outputsDir(job.id());
        ctx.contentType("application/zip").header("Content-Disposition", "attachment; filename=\"" + job.id() + ".zip\"");
        String zip = job.result().map(r -> r.path("zip").asText("")).orElse("");
        if (!zip.isEmpty()) {
            Path file = SafeNames.resolveInside(outputs, zip).filter(Files::isRegularFile).orElseThrow(ResultFiles::gone);
            ctx.result(open(file));
            return;
        }
        try (ZipOutputStream out = new ZipOutputStream(ctx.outputStream())) {
            for (Path file : files(outputs)) {
                out.putNextEntry(new ZipEntry(outputs.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path outputs) throws IOException {
        if (!Files.isDirectory(outputs)) {
            throw gone();
        }
        try (Stream<Path> walk = Files.walk(outputs)) {
            return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    private static java.io.InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw gone();
        }
    }

    private static ApiException gone() {
        return new ApiException(ErrorCode.FILE_NOT_FOUND, "the task's result files are gone");
    }
}
