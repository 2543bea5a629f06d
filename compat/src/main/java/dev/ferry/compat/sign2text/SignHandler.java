package dev.ferry.compat.sign2text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.api.jobs.InputFile;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.compat.waiting.ResultWaits;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobState;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /sign} (Sign2Text-API src/main.py, {@code inference}): the multipart field
 * {@code video} becomes a {@code sign} job of one video with the configured model, and the
 * most likely word of its result is answered as {@code {"target": <label>}}.
 */
final class SignHandler {
    static final String DEMO = "sign";
    static final String FIELD = "video";
    private static final Logger LOG = LoggerFactory.getLogger(SignHandler.class);
    private final JobSubmitter submitter;
    private final ResultWaits waits;
    private final String model;
    private final Duration wait;

    SignHandler(JobSubmitter submitter, ResultWaits waits, String model, Duration wait) {
        this.submitter = submitter;
        this.waits = waits;
        this.model = model;
        this.wait = wait;
    }

    void handle(Context ctx) {
        Optional<Part> video = video(ctx);
        if (video.isEmpty()) {
            Sign2TextErrors.missingField(ctx, FIELD);
            return;
        }
        // Any container FFmpeg reads is taken: the demo probes the file, where the original took only a declared video/mp4.
        var finished = waits.submitAndWait(() -> submitter.submitFiles(ctx, DEMO, Map.of("model", model, "top_k", 1),
                List.of(InputFile.of(video.get())), Optional.empty()));
        ctx.future(() -> finished.handle((job, error) -> {
            answer(ctx, job, error);
            return null;
        }));
    }

    private Optional<Part> video(Context ctx) {
        String type = String.valueOf(ctx.contentType());
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        return submitter.uploadLimits().parts(ctx).stream().filter(p -> FIELD.equals(p.getName())).findFirst();
    }

    private void answer(Context ctx, Optional<Job> finished, Throwable error) {
        if (error != null) {
            LOG.error("/sign could not wait for its job", error);
            Sign2TextErrors.detail(ctx, 500, "internal error; see the server's log");
        } else if (finished.isEmpty()) {
            Sign2TextErrors.unavailable(ctx, "the video was not classified within " + wait.toSeconds() + " s; try again shortly");
        } else {
            answer(ctx, finished.get());
        }
    }

    private static void answer(Context ctx, Job job) {
        if (job.state() == JobState.SUCCEEDED) {
            JsonNode label = job.result().map(r -> r.at("/top_k/0/label")).orElse(null);
            if (label == null || !label.isTextual()) {
                Sign2TextErrors.detail(ctx, 500, "job " + job.id() + " gave no word");
                return;
            }
            ctx.json(Map.of("target", label.asText()));
        } else if (job.state() == JobState.CANCELLED) {
            Sign2TextErrors.unavailable(ctx, "the video's job " + job.id() + " was cancelled; send it again");
        } else {
            JobError failure = job.error().orElseThrow();
            int status = failure.errorCode().status().orElse(500);
            Sign2TextErrors.detail(ctx, status >= 400 && status < 500 ? status : 500, failure.message());
        }
    }
}
