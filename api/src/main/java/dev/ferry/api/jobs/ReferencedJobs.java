package dev.ferry.api.jobs;

import dev.ferry.api.http.ApiException;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobState;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.InputSpec;
import dev.ferry.core.storage.JobFiles;
import java.util.List;

/**
 * Checks the job entries of a JSON submit ({@code {"job": "<id>", "files": "crops/*"}}) before
 * the job is queued: the named job must exist, have succeeded, and have output files the
 * pattern matches. Each refusal is 400 {@code invalid_param} naming the entry's field, so a
 * typo in an id or a pattern is heard at once rather than from a failed job.
 */
final class ReferencedJobs {
    private final JobReader reader;
    private final DataFolder data;

    ReferencedJobs(JobReader reader, DataFolder data) {
        this.reader = reader;
        this.data = data;
    }

    void check(InputSpec spec) {
        List<InputSpec.Entry> entries = spec.inputs();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof JobFiles files) {
                check("inputs[" + i + "]", files);
            }
        }
    }

    private void check(String field, JobFiles files) {
        Job job = reader.get(files.job()).orElseThrow(() -> ApiException.invalidParam(field + ".job",
                field + ".job names job " + files.job() + ", which does not exist (never submitted, or expired"
                        + " and deleted)"));
        if (job.state() != JobState.SUCCEEDED) {
            throw ApiException.invalidParam(field + ".job", field + ".job names job " + files.job() + ", which is "
                    + job.state().wireName() + "; only the outputs of a succeeded job can be read"
                    + (job.state().isFinal() ? "" : " (wait until it has finished)"));
        }
        if (files.match(data.outputsDir(files.job())).isEmpty()) {
            List<String> some = job.files().stream().map(f -> f.path()).limit(5).toList();
            throw ApiException.invalidParam(field + ".files", field + ".files '" + files.files() + "' matches none of the "
                    + job.files().size() + " output files of job " + files.job()
                    + (some.isEmpty() ? "" : " (such as " + String.join(", ", some) + ")"));
        }
    }
}
