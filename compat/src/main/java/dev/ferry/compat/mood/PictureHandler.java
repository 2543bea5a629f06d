package dev.ferry.compat.mood;

import dev.ferry.api.jobs.InputFile;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.compat.waiting.ResultWaits;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobState;
import dev.ferry.core.storage.DataFolder;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /get_picture/} (rekognition.py, {@code getpicture}): the data URI's picture
 * becomes a {@code faces} job, and its faces are answered as the page's fragment. The job is
 * remembered as the client's picture for {@code /analyze/}.
 */
final class PictureHandler {
    static final String DEMO = "faces";
    /** Room for the data URI's header and base64's third on top of the upload limit. */
    private static final long ENVELOPE_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(PictureHandler.class);
    private final JobSubmitter submitter;
    private final ResultWaits waits;
    private final MoodClients clients;
    private final DataFolder data;
    private final Duration wait;

    PictureHandler(JobSubmitter submitter, ResultWaits waits, MoodClients clients, DataFolder data, Duration wait) {
        this.submitter = submitter;
        this.waits = waits;
        this.clients = clients;
        this.data = data;
        this.wait = wait;
    }

    void handle(Context ctx) {
        DataUri picture;
        try {
            picture = DataUri.parse(body(ctx));
        } catch (IllegalArgumentException e) {
            MoodErrors.refuse(ctx, 400, e.getMessage());
            return;
        }
        var finished = waits.submitAndWait(() -> submitter.submitFiles(ctx, DEMO, Map.of(),
                List.of(InputFile.of(picture.fileName(), picture.bytes())), Optional.empty()));
        ctx.future(() -> finished.handle((job, error) -> {
            answer(ctx, job, error);
            return null;
        }));
    }

    private byte[] body(Context ctx) {
        long max = submitter.uploadLimits().maxUploadBytes() / 3 * 4 + ENVELOPE_BYTES;
        if (ctx.req().getContentLengthLong() > max) {
            throw submitter.uploadLimits().tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (body.length > max) {
                throw submitter.uploadLimits().tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the picture's body", e);
        }
    }

    private void answer(Context ctx, Optional<Job> finished, Throwable error) {
        if (error != null) {
            LOG.error("/get_picture/ could not wait for its job", error);
            MoodErrors.refuse(ctx, 500, "internal error; see the server's log");
        } else if (finished.isEmpty()) {
            MoodErrors.unavailable(ctx, "the picture was not analysed within " + wait.toSeconds() + " s; try again shortly");
        } else {
            answer(ctx, finished.get());
        }
    }

    private void answer(Context ctx, Job job) {
        if (job.state() == JobState.CANCELLED) {
            MoodErrors.unavailable(ctx, "the picture's job " + job.id() + " was cancelled; send it again");
            return;
        }
        if (job.state() != JobState.SUCCEEDED) {
            JobError failure = job.error().orElseThrow();
            MoodErrors.refuse(ctx, MoodErrors.statusOf(failure.errorCode().status().orElse(500)), failure.message());
            return;
        }
        Optional<MoodFaces> faces = MoodFaces.of(data, job.id());
        if (faces.isEmpty()) {
            MoodErrors.refuse(ctx, 500, "job " + job.id() + " left no " + MoodFaces.REPORT);
            return;
        }
        clients.remember(ctx, job.id());
        ctx.html(MoodPage.picture(faces.get()));
    }
}
