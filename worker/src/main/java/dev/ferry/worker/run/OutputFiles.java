package dev.ferry.worker.run;

import dev.ferry.core.job.JobFile;
import dev.ferry.core.storage.OutputFileTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The files a demo left in its outputs folder, as the job lists them. */
final class OutputFiles {
    private OutputFiles() {}

    static List<JobFile> list(Path outputDir) throws IOException {
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(outputDir)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> describe(outputDir, file))
                    .sorted(Comparator.comparing(JobFile::path))
                    .toList();
        }
    }

    private static JobFile describe(Path outputDir, Path file) {
        String relative = outputDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        try {
            return new JobFile(relative, Files.size(file), OutputFileTypes.of(relative));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
