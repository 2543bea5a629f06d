package dev.ferry.compat;

import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a protocol's request said that a Ferry job does not hold, kept as JSON in the job's own
 * folder: it lasts exactly as long as the job ({@code FERRY_RETENTION}) and no demo reads it.
 *
 * @param fileName the protocol's file in the job folder, e.g. {@code compat-discover.json}
 */
public record JobSideFile<T>(String fileName, Class<T> type) {
    public void save(DataFolder data, JobId id, T record) {
        AtomicFiles.write(file(data, id), Json.writeBytes(record));
    }

    /** Empty for a job not started through the protocol's routes. */
    public Optional<T> load(DataFolder data, JobId id) {
        Path file = file(data, id);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private Path file(DataFolder data, JobId id) {
        return data.jobDir(id).resolve(fileName);
    }
}
