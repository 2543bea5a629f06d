package dev.ferry.demos.asr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.MediaTypes;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.inference.DemoModels;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Speech to text: the speech segments of a recording (Silero VAD), and with a CTC
 * recognition model installed, a transcript with word times and confidences in Google's
 * Speech-to-Text shape, plus SRT and WebVTT captions.
 */
public final class AsrDemo implements Demo {
    public static final String NAME = "asr";

    private final DemoServices services;

    /** With the process's model store, loaded models and media reader. */
    public AsrDemo(DemoServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Speech recognition: finds the speech in an audio or video file (Silero VAD) and, with a CTC model"
                + " installed, transcribes it with word times and confidences (Google Speech JSON, SRT, WebVTT)";
    }

    @Override
    public ParamSpec params() {
        return AsrOptions.spec();
    }

    /** Unrecognised binary files too: FFmpeg reads more formats (AAC, AMR, AIFF...) than the upload check knows, and probes them itself. */
    @Override
    public List<String> accepts() {
        return List.of("audio/*", "video/*", MediaTypes.OCTET_STREAM);
    }

    @Override
    public boolean requiresInput() {
        return true;
    }

    @Override
    public Duration timeLimit() {
        return Duration.ofHours(1);
    }

    @Override
    public int maxAttempts() {
        return 2;
    }

    @Override
    public List<ModelAvailability> models() {
        return DemoModels.list(services.models(), NAME, AsrModels.VAD);
    }

    /** The voice-activity model must be installed, and a recognition model the job names must be usable. */
    @Override
    public void checkReady(Map<String, Object> params) {
        AsrOptions options = AsrOptions.of(params);
        AsrModels.requireVad(services.models());
        AsrModels.recognizer(services.models(), options.model());
    }

    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        if (ctx.inputs().size() != 1) {
            throw DemoFailure.badInput("send one audio or video file per job; this job has " + ctx.inputs().size());
        }
        try {
            Result result = AsrJob.run(ctx.inputs().get(0), AsrOptions.of(ctx), services.models(),
                    services.inference(), ctx.outputDir(), ctx::isCancelled, (heard, declared) -> ctx.progress(
                            (long) heard, (long) Math.max(heard, declared), heard >= declared && declared > 0 ? "done"
                                    : String.format(Locale.ROOT, "%.0f s of %.0f s heard", heard, declared)));
            return Json.MAPPER.valueToTree(result);
        } catch (InvalidParamException e) {
            // checked at submit; here only when the models changed since (another installed), and retrying will not help
            throw DemoFailure.badInput(e.getMessage());
        }
    }

    /**
     * The job's result.
     *
     * @param model          the recognition model; absent when none is installed (then {@code note} says how to install one)
     * @param failedSegments segments the model failed on; the job goes on without them
     * @param warnings       e.g. a file that holds less audio than its container declares
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Result(Optional<String> model, Optional<String> decoder, double durationS, double speechS,
                         int segments, Optional<Integer> words, String segmentsFile, Optional<String> transcript,
                         Optional<String> srt, Optional<String> vtt, List<FailedSegment> failedSegments,
                         List<String> warnings, Optional<String> note, Map<String, Double> timingsMs) {}
}
