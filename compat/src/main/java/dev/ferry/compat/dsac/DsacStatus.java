package dev.ferry.compat.dsac;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.storage.DataFolder;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET <path>/<ferry_job_id>}, which DSAC lacked (its caller learnt nothing until the
 * RETURN_URL post, or never): {@code status} QUEUED, RUNNING, SUCCESS or FAILED with
 * {@code reason}; once SUCCESS, the {@code transcript} RETURN_URL gets.
 */
final class DsacStatus {
    static final String ID = "ferry_job_id";
    private final JobReader reader;
    private final DataFolder data;

    DsacStatus(JobReader reader, DataFolder data) {
        this.reader = reader;
        this.data = data;
    }

    void handle(Context ctx) {
        String given = ctx.pathParam(ID);
        Job job = JobId.parse(given).filter(id -> id.demo().equals(DsacModels.DEMO)).flatMap(reader::get)
                .orElseThrow(() -> notFound(given));
        DsacRecord record = DsacRecord.load(data, job.id()).orElseThrow(() -> notFound(given));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("job_id", record.jobId());
        answer.put("user_id", record.userId());
        answer.put("tag", record.tag());
        answer.put(ID, job.id().toString());
        if (!job.state().isFinal()) {
            answer.put("status", job.state() == JobState.QUEUED ? "QUEUED" : "RUNNING");
        } else {
            DsacOutcome outcome = DsacOutcome.of(job, data);
            answer.put("status", outcome.status());
            outcome.reason().ifPresent(reason -> answer.put("reason", reason));
            outcome.transcript().ifPresent(transcript -> answer.put("transcript", transcript));
        }
        ctx.json(answer);
    }

    private static DsacException notFound(String id) {
        return new DsacException(HttpStatus.NOT_FOUND, "Not found: no DSAC job " + id);
    }
}
