package dev.ferry.demos.media;

import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.JobFiles;
import dev.ferry.core.storage.SafeNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The output files of an earlier job ({@link JobFiles}), read where they lie in the data
 * folder: one page per matched image, in path order, named {@code <job id>/<path>} (e.g.
 * {@code regions-01j…/crops/0001-scan_1.jpg}). Nothing is copied or downloaded. Matched files
 * that are not images are skipped with a warning. The earlier job may expire (and its
 * folder be deleted) before this one runs: that is a failed page saying so.
 */
final class JobFilesDocument implements Document {
    private final String source;
    private final JobFiles entry;
    private final Path outputs;
    private final ImageDecoder decoder;
    private final List<String> images;

    JobFilesDocument(JobFiles entry, Path outputs, ImageDecoder decoder, Consumer<String> warnings) {
        this.source = entry.job() + "/" + entry.files();
        this.entry = entry;
        this.outputs = outputs;
        this.decoder = decoder;
        if (!Files.isDirectory(outputs)) {
            throw gone();
        }
        List<String> matched = entry.match(outputs);
        if (matched.isEmpty()) {
            throw new MediaException(ErrorCode.NO_MATCHING_FILES, "'" + entry.files() + "' matches none of the output files of job "
                    + entry.job());
        }
        this.images = new ArrayList<>();
        for (String relative : matched) {
            if (isImage(relative)) {
                images.add(relative);
            } else {
                warnings.accept("skipped " + entry.source(relative) + ": not an image");
            }
        }
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public OptionalInt pageCount() {
        return OptionalInt.of(images.size());
    }

    @Override
    public Iterator<PageRef> pages() {
        return images.stream().map(relative -> new PageRef(entry.source(relative), () -> decoder.decode(read(relative))))
                .iterator();
    }

    private boolean isImage(String relative) {
        Optional<Path> file = SafeNames.resolveInside(outputs, relative);
        if (file.isEmpty()) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            return ImageFormat.sniff(in.readNBytes(ImageFormat.SNIFF_BYTES)).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private byte[] read(String relative) {
        Path file = SafeNames.resolveInside(outputs, relative).orElseThrow(() ->
                new MediaException(ErrorCode.UNREADABLE, "'" + relative + "' is not a path inside job " + entry.job()));
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw gone();
        } catch (IOException e) {
            throw new MediaException(ErrorCode.UNREADABLE, "cannot read " + entry.source(relative) + ": " + e.getMessage(), e);
        }
    }

    private MediaException gone() {
        return new MediaException(ErrorCode.JOB_OUTPUTS_GONE, "the outputs of job " + entry.job() + " are gone: the job expired"
                + " (FERRY_RETENTION) or was deleted after this job was submitted; run it again, then this job");
    }
}
