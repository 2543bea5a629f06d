package dev.ferry.compat.discover;

import dev.ferry.api.http.ApiException;
import dev.ferry.api.jobs.InputFile;
import dev.ferry.api.jobs.JobSubmitter;
import dev.ferry.api.jobs.UploadLimits;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.sources.SourceException;
import dev.ferry.core.sources.SourceStore;
import dev.ferry.core.storage.DataFolder;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /watermarks/start} (app/watermarks/routes.py, start_task): a multipart form with
 * the photo as the file {@code image}, the source as {@code compare_to}, {@code detect}
 * ({@code "true"} or {@code "false"}), {@code experiment_id} and {@code notify_url}; answered
 * {@code {"tracking_id", "experiment_id"}}. The photo is the one input of a {@code watermarks}
 * job, stored in that job's folder like any upload: discover saved it in a folder every task
 * shared, named after the experiment, so two starts of one experiment took each other's photo.
 */
final class WatermarkStart {
    static final String DEMO = "watermarks";
    private static final String IMAGE = "image";
    private static final String FORM = "POST /watermarks/start takes a multipart form: the photo as the file part 'image',"
            + " and the fields compare_to, detect, experiment_id, notify_url";
    private final JobSubmitter submitter;
    private final SourceStore sources;
    private final DataFolder data;

    WatermarkStart(JobSubmitter submitter, SourceStore sources, DataFolder data) {
        this.submitter = submitter;
        this.sources = sources;
        this.data = data;
    }

    void handle(Context ctx) {
        Form form = read(ctx);
        Map<String, Object> params = params(form.fields());
        Optional<String> notifyUrl = field(form.fields(), "notify_url");
        String experimentId = field(form.fields(), "experiment_id").orElseGet(() -> UUID.randomUUID().toString());
        Job job = submitter.submitFiles(ctx, DEMO, params, image(form.images()), notifyUrl.map(StartHandler::callbacks));
        new DiscoverRecord(experimentId, notifyUrl, DiscoverJobs.baseUrl(ctx), List.of()).save(data, job.id());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tracking_id", TrackingId.of(job.id()));
        answer.put("experiment_id", experimentId);
        ctx.json(answer);
    }

    /** The form's text fields (the first of each name, as discover's request.form.get) and its image files. */
    private record Form(Map<String, String> fields, List<Part> images) {}

    private Form read(Context ctx) {
        if (!String.valueOf(ctx.contentType()).startsWith("multipart/form-data")) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, FORM);
        }
        Form form = new Form(new LinkedHashMap<>(), new ArrayList<>());
        for (Part part : submitter.uploadLimits().parts(ctx)) {
            if (part.getSubmittedFileName() == null) {
                form.fields().putIfAbsent(part.getName(), new String(UploadLimits.fieldBytes(part), StandardCharsets.UTF_8).strip());
            } else if (IMAGE.equals(part.getName()) && part.getSize() > 0) {
                // a browser sends an empty file part for a file input left empty
                form.images().add(part);
            }
        }
        return form;
    }

    /** The demo's {@code source} and {@code detect}; discover's detector, when asked for, runs when one is installed. */
    private Map<String, Object> params(Map<String, String> fields) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("source", source(fields));
        params.put("detect", detect(fields) ? "auto" : "off");
        return params;
    }

    /**
     * discover detected alone without a source; Ferry's watermarks demo always matches, so a
     * source is required (detection alone is the regions demo's, with a watermark model).
     */
    private String source(Map<String, String> fields) {
        String uid = field(fields, "compare_to").orElseThrow(() -> DiscoverRequest.invalid("compare_to",
                "compare_to is required: the uid of a watermark source (GET /watermarks/sources)"));
        try {
            return sources.get(uid).uid();
        } catch (SourceException e) {
            throw WatermarkSourceRoutes.notFound(uid);
        }
    }

    /** discover read anything but "true" as false; Ferry refuses what is neither. */
    private static boolean detect(Map<String, String> fields) {
        String detect = field(fields, "detect").orElse("true").toLowerCase(Locale.ROOT);
        if (!detect.equals("true") && !detect.equals("false")) {
            throw DiscoverRequest.invalid("detect", "detect must be true or false; got '" + detect + "'");
        }
        return detect.equals("true");
    }

    private static List<InputFile> image(List<Part> images) {
        if (images.isEmpty()) {
            throw new ApiException(ErrorCode.MISSING_INPUT, "no image: " + FORM).withField(IMAGE);
        }
        if (images.size() > 1) {
            throw DiscoverRequest.invalid(IMAGE, "one image per start, as discover took; got " + images.size());
        }
        return List.of(InputFile.of(images.get(0)));
    }

    private static Optional<String> field(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get(name)).filter(value -> !value.isEmpty());
    }
}
