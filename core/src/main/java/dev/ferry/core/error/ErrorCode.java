package dev.ferry.core.error;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every error code a client can see: in an error answer ({@code {"error":{"code",...}}}), in a
 * job's {@code error}, or in a result's {@code failed_pages}. Clients branch on these names, so
 * a code is never renamed, and docs/api.md's table is checked against this list.
 *
 * <p>A code that can be an HTTP answer carries its status; a code that only ever describes a
 * job's or a page's failure has none. The queue's Lua scripts write {@code cancelled},
 * {@code worker_lost} and {@code poison} themselves; Java reads them back through
 * {@link #fromWire}.
 */
public enum ErrorCode {
    // Answers to requests; several also describe a job's failure.
    BAD_REQUEST(400, "the request is not well-formed HTTP (a malformed URI or header)"),
    INVALID_JSON(400, "a JSON body, `params`, or a JSON input (then a failed page) is not valid JSON or too large to parse"),
    INVALID_MULTIPART(400, "the multipart body cannot be read"),
    INVALID_PARAM(400, "a parameter, option, header or input entry is unknown, malformed or out of range; `field` names it"),
    MISSING_INPUT(400, "the demo needs at least one input and the request has none"),
    NO_IMAGES(400, "a watermark source's ZIP archive is empty or holds no image"),
    BAD_INPUT(400, "the job's inputs, or a model name, cannot be used: refused at submit, or a job's failure"),
    MODEL_MISSING(400, "the job names a model that is not installed here; the message gives the command that installs it"),
    MODEL_CORRUPT(400, "the job's model file is damaged; the message gives the command that reinstalls it"),
    MODEL_INVALID(400, "the job's model is installed but does not fit the demo (its contract or graph)"),
    UNAUTHORIZED(401, "API keys are set and the request carries no valid one"),
    NOT_FOUND(404, "no route for this method and path"),
    UNKNOWN_DEMO(404, "no demo of that name here (as a job's failure: not on the worker that claimed it)"),
    JOB_NOT_FOUND(404, "no job with that id"),
    FILE_NOT_FOUND(404, "the job has no output file at that path"),
    SOURCE_NOT_FOUND(404, "no watermark source with that uid"),
    METHOD_NOT_ALLOWED(405, "the path exists but not for this method"),
    NOT_ACCEPTABLE(406, "`/events` with an `Accept` header that rules out `text/event-stream` (such as `application/json` alone)"),
    IDEMPOTENCY_CONFLICT(409, "the `Idempotency-Key` was first used with other parameters, options or inputs; `field` names the header"),
    NOT_A_DEAD_LETTER(409, "the job is not a dead letter (only a failed job a retry could have saved): it cannot be retried or deleted"),
    TOO_LARGE(413, "the body, an upload (over `FERRY_MAX_UPLOAD_MB`) or a form field is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "the request's content type, an upload the demo does not accept, or URL inputs to a demo"
            + " that takes only files"),
    RANGE_NOT_SATISFIABLE(416, "a `Range` lies outside the output file; with `Content-Range: bytes */<size>`"),
    QUEUE_FULL(429, "the demo already has `FERRY_MAX_QUEUED` jobs waiting; with `Retry-After: 5`"),
    INTERNAL_ERROR(500, "an unexpected failure, logged on the server (as a job's failure: the demo crashed; retried)"),
    REDIS_UNAVAILABLE(503, "Redis cannot be reached, or a submit could not reach `FERRY_REDIS_WAIT_REPLICAS` replicas in time; with `Retry-After: 5`"),
    INSUFFICIENT_STORAGE(507, "the data folder has less than `FERRY_MIN_FREE_MB` free, or too little above that for the declared"
            + " body twice, or it filled up while the request's files were stored"),

    // A job's failure.
    TIMEOUT("the job ran longer than its time limit"),
    CANCELLED("the job was cancelled, before it started or while it ran"),
    WORKER_LOST("the worker running the job stopped responding; the job is retried while attempts remain"),
    POISON("workers died `FERRY_POISON_AFTER` times while running the job; it is not tried again"),
    MODEL_FAILED("the model could not run on a page (a failed page) or on any segment (a job's failure)"),
    REQUESTED_FAILURE("the noop demo failed on purpose (`fail_times`); retried"),
    DISK_FULL("the data folder's disk filled up while the job wrote its outputs; they are removed and the job retried"),

    // A failed page: the job goes on with the next one. The ones with a status also refuse a watermark source's upload.
    NOT_AN_IMAGE(415, "the bytes are not an image of a known format"),
    UNSUPPORTED_INPUT("the input is not an image, a ZIP of images, a PDF, a IIIF manifest or a list of URLs"),
    BAD_HEADER("the image's header is damaged"),
    TRUNCATED("the image ends before its data does"),
    UNDECODABLE("the image's data is damaged"),
    TOO_MANY_PIXELS("the image or PDF page is larger than `FERRY_MAX_PIXELS`"),
    BAD_ZIP(400, "the ZIP archive or one of its entries is damaged"),
    ZIP_PATH(400, "a ZIP entry's path escapes the archive"),
    ZIP_LIMIT(413, "the ZIP archive holds too many entries or inflates too far"),
    BAD_PDF("the PDF is damaged, password-protected or a page cannot be rendered"),
    BAD_INPUT_SPEC("a list of inputs is not valid"),
    BAD_MANIFEST("the JSON is not a usable IIIF Presentation manifest"),
    BAD_URL("not an absolute http or https URL"),
    URL_REFUSED("the URL's host is a loopback, private or link-local address"),
    FETCH_FAILED("the URL could not be fetched: unknown host, an HTTP error, too many redirects, a broken download"),
    FETCH_TOO_LARGE("the download is larger than `FERRY_FETCH_MAX_MB`"),
    FETCH_TIMEOUT("the download took longer than `FERRY_FETCH_TIMEOUT_S`"),
    JOB_OUTPUTS_GONE("the earlier job whose outputs are the input has expired"),
    NO_MATCHING_FILES("the earlier job has no output files the pattern matches"),
    UNREADABLE("the input cannot be read or opened"),
    REGION_OUTSIDE("every region asked for lies outside the page"),
    VECTORIZATION_FAILED("the vectorization engine failed on the page");

    private final OptionalInt status;
    private final String meaning;

    ErrorCode(int status, String meaning) {
        this.status = OptionalInt.of(status);
        this.meaning = meaning;
    }

    ErrorCode(String meaning) {
        this.status = OptionalInt.empty();
        this.meaning = meaning;
    }

    /** The name clients see, e.g. {@code job_not_found}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The HTTP status when the code is an answer; empty for a code only a job or a page carries. */
    public OptionalInt status() {
        return status;
    }

    /** One line on what went wrong, as docs/api.md gives it. */
    public String meaning() {
        return meaning;
    }

    @JsonCreator
    public static ErrorCode fromWire(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown error code: " + name));
    }

    public static Optional<ErrorCode> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(name)).findFirst();
    }
}
