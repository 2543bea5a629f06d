package dev.ferry.api.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.job.Job;
import dev.ferry.core.storage.InputSpec;
import io.javalin.http.Context;
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
     * As {@link #submit}, with files the request carried as the job's inputs, stored and checked
     * against what the demo accepts as uploads are ({@code unsupported_media_type}, {@code too_large}).
     *
     * @param webhook as {@link #submit}'s
     * @return the job as queued
     */
    Job submitFiles(Context ctx, String demo, Map<String, Object> params, List<InputFile> files, Optional<JsonNode> webhook);

    /** As {@link #submitFiles(Context, String, Map, List, Optional)}, for a caller that is not an HTTP request. */
    Job submitFiles(SubmitCaller caller, String demo, Map<String, Object> params, List<InputFile> files, Optional<JsonNode> webhook);

    /** The native submit's upload limits, to read a multipart request as it does. */
    UploadLimits uploadLimits();
}
