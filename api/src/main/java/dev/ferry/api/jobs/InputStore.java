package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.JobId;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.InputSpec;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.core.storage.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts a job's inputs in {@code jobs/<id>/inputs/}: uploads, counting bytes against the upload
 * limit as they are copied and checking each file's sniffed type against what the demo
 * accepts; or the URL list of a JSON submit, as the one file the workers' media reader reads.
 */
final class InputStore {
    private final DataFolder data;
    private final UploadLimits limits;

    InputStore(DataFolder data, UploadLimits limits) {
        this.data = data;
        this.limits = limits;
    }

    void store(JobId id, List<InputFile> files, List<String> accepts) {
        long budget = limits.maxUploadBytes();
        for (int i = 0; i < files.size(); i++) {
            InputFile file = files.get(i);
            String given = file.name();
            Path target = data.inputsDir(id).resolve(JobInputs.fileName(i, given));
            budget -= copy(file, target, budget);
            String type = MediaTypes.sniff(target);
            if (!MediaTypes.matches(type, accepts)) {
                throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "file '" + given + "' is " + type
                        + ", but this demo accepts " + String.join(", ", accepts)).withField("file");
            }
        }
    }

    /** The URL and job list as {@code 000-inputs.json}; the demo must take JSON inputs. */
    void store(JobId id, InputSpec urls, String demo, List<String> accepts) {
        if (!MediaTypes.matches("application/json", accepts)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "demo '" + demo + "' does not take URL or job inputs; it accepts "
                    + String.join(", ", accepts) + " as uploaded files").withField("inputs");
        }
        AtomicFiles.write(data.inputsDir(id).resolve(JobInputs.fileName(0, InputSpec.FILE_NAME)), urls.toJson());
    }

    private long copy(InputFile file, Path target, long budget) {
        try (InputStream in = file.content().open()) {
            return AtomicFiles.copy(in, target, budget);
        } catch (AtomicFiles.TooLargeException e) {
            throw limits.tooLarge();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an upload in " + target.getParent(), e);
        }
    }
}
