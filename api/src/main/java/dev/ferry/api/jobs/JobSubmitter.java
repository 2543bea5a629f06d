package dev.ferry.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.job.Job;
import dev.ferry.core.storage.InputSpec;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The native submit's checks, input storage and queueing, for a request another protocol has
 * already read: parameters are validated against the demo's spec, URL inputs stored as the
 * workers read them, files stored as a multipart submit's are, and the refusals are the native ones ({@link dev.ferry.api.http.ApiException}).
 */
public interface JobSubmitter {
    /**
     * @param webhook the job's webhook as a native submit's {@code "webhook"} field reads it
     *                ({@code {"url", "events", "format"}}), checked as that field is
     * @return the job as queued
     */
    Job submit(Context ctx, String demo, Map<String, Object> params, InputSpec inputs, Optional<JsonNode> webhook);

    /**
     * As {@link #submit}, with uploaded files as the inputs, stored and checked against the types the
     * demo accepts as a native multipart submit's files are.
     *
     * @param files parts of {@link #parts}
     */
    Job submitFiles(Context ctx, String demo, Map<String, Object> params, List<Part> files, Optional<JsonNode> webhook);

    /**
     * A multipart request's parts, read within the native upload limits ({@code too_large} past
     * them, {@code invalid_multipart} when unreadable), files spooled to disk.
     */
    Collection<Part> parts(Context ctx);

    /**
     * As {@link #submitFiles}, with one file another protocol received (a request body, a
     * download) as the job's input.
     */
    default Job submitFile(Context ctx, String demo, Map<String, Object> params, Upload file, Optional<JsonNode> webhook) {
        return submitFiles(ctx, demo, params, List.of(new UploadPart(file)), webhook);
    }
}
