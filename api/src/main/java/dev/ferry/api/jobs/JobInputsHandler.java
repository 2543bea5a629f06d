package dev.ferry.api.jobs;

import dev.ferry.core.job.Job;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.core.storage.OutputFileTypes;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * GET /api/v1/jobs/{id}/inputs: the files the job was given, in submission order — uploads
 * under the names the API stored them as ({@code 000-page_one.png}), a URL job's list as
 * {@code 000-inputs.json}. A job has at most as many as one submit may carry, so one page.
 */
public final class JobInputsHandler implements Handler {
    private final JobLookup lookup;
    private final DataFolder data;

    public JobInputsHandler(JobReader reader, DataFolder data) {
        this.lookup = new JobLookup(reader);
        this.data = data;
    }

    @Override
    public void handle(Context ctx) {
        Job job = lookup.job(ctx);
        List<InputView> inputs = JobInputs.list(data.inputsDir(job.id())).stream().map(f -> InputView.of(job, f)).toList();
        ctx.json(new Inputs(inputs));
    }

    record Inputs(List<InputView> inputs) {}

    /** One input: its stored name, the name it was given (made safe), size, type and address. */
    record InputView(String path, String name, long size, String contentType, String url) {
        static InputView of(Job job, Path file) {
            String path = file.getFileName().toString();
            return new InputView(path, JobInputs.originalName(file), size(file), OutputFileTypes.of(path),
                    JobUrls.input(job.id(), path));
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
