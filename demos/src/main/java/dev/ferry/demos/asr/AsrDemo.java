package dev.ferry.demos.asr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.demos.av.AudioReader;
import dev.ferry.demos.av.AudioStream;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InstalledModel;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.inference.ProcessModels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Speech to text: the speech segments of a recording (Silero VAD), and with a CTC
 * recognition model installed, a transcript with word times and confidences in Google's
 * Speech-to-Text shape, plus SRT and WebVTT captions.
 */
public final class AsrDemo implements Demo {
    public static final String NAME = "asr";

    private final Function<FerryConfig, ModelStore> store;
    private final Function<FerryConfig, Inference> inference;

    /** As ServiceLoader creates it: the process's shared store and loaded models, for the worker's settings. */
    public AsrDemo() {
        this(ProcessModels::store, ProcessModels::inference);
    }

    /** With a store and loaded models of the caller's. */
    public AsrDemo(ModelStore store, Inference inference) {
        this(settings -> store, settings -> inference);
    }

    private AsrDemo(Function<FerryConfig, ModelStore> store, Function<FerryConfig, Inference> inference) {
        this.store = store;
        this.inference = inference;
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

    @Override
    public List<String> accepts() {
        return List.of("audio/*", "video/*");
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
        return DemoModels.list(ProcessModels.store(), NAME, AsrModels.VAD);
    }

    /** The voice-activity model must be installed, and a recognition model the job names must be usable. */
    @Override
    public void checkReady(Map<String, Object> params) {
        AsrOptions options = AsrOptions.of(params);
        ModelStore models = ProcessModels.store();
        AsrModels.requireVad(models);
        AsrModels.recognizer(models, options.model());
    }

    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        if (ctx.inputs().size() != 1) {
            throw DemoFailure.badInput("send one audio or video file per job; this job has " + ctx.inputs().size());
        }
        AsrOptions options = AsrOptions.of(ctx);
        FerryConfig config = ctx.config();
        ModelStore models = store.apply(config);
        InstalledModel vadModel = models.require(new ModelRef(NAME, AsrModels.VAD));
        Optional<InstalledModel> ctcModel = AsrModels.recognizer(models, options.model()).map(models::require);
        Optional<CtcContract> contract = ctcModel.map(AsrDemo::contract);
        int rate = contract.map(CtcContract::sampleRate).orElse(16_000);
        Inference loaded = inference.apply(config);
        Path input = ctx.inputs().get(0);
        try (ModelLease vadLease = loaded.acquire(vadModel);
             Leases leases = new Leases(ctcModel.map(loaded::acquire));
             AudioStream audio = AudioReader.open(input, rate, options.channel());
             SileroVad vad = vad(vadLease, rate, ctcModel, ctx::isCancelled)) {
            Optional<Transcriber> transcriber = leases.held().map(lease -> new Transcriber(
                    new CtcRecognizer(lease, contract.orElseThrow(), ctx::isCancelled), options.ctcDecoder()));
            double declared = audio.declaredSeconds().orElse(0);
            AsrPipeline.Outcome outcome = AsrPipeline.run(audio, rate, vad, options.vad(), transcriber, ctx::isCancelled,
                    seconds -> ctx.progress((long) seconds, (long) Math.max(seconds, declared),
                            String.format(java.util.Locale.ROOT, "%.0f s of %.0f s heard", seconds, declared)));
            List<String> warnings = new ArrayList<>();
            try {
                audio.requireComplete();
            } catch (DemoFailure e) {
                warnings.add(e.getMessage());
            }
            return finish(ctx, input, ctcModel, contract, options, outcome, rate, warnings);
        }
    }

    private JsonNode finish(DemoContext ctx, Path input, Optional<InstalledModel> ctcModel, Optional<CtcContract> contract,
                            AsrOptions options, AsrPipeline.Outcome outcome, int rate, List<String> warnings) {
        long t0 = System.nanoTime();
        AsrWriter.segments(ctx.outputDir(), SegmentsReport.of(input.getFileName().toString(), rate, outcome.seconds(),
                outcome.segments(), options.vad()));
        if (ctcModel.isPresent()) {
            if (!outcome.failed().isEmpty() && outcome.transcribed().isEmpty()) {
                throw new DemoFailure("model_failed", "the recognition model failed on every segment: "
                        + outcome.failed().get(0).reason(), false);
            }
            AsrWriter.transcript(ctx.outputDir(), outcome.transcribed(), contract.orElseThrow().ctc().language());
        }
        Map<String, Double> timings = new java.util.LinkedHashMap<>(outcome.timingsMs());
        timings.put("output", Math.round((System.nanoTime() - t0) / 1e4) / 100.0);
        ctx.progress((long) outcome.seconds(), (long) outcome.seconds(), "done");
        boolean transcribed = ctcModel.isPresent();
        Result result = new Result(
                ctcModel.map(m -> m.ref().model()),
                transcribed ? Optional.of(options.decoder()) : Optional.empty(),
                SegmentsReport.ms(outcome.seconds()), SegmentsReport.ms(outcome.speechSeconds()), outcome.segments().size(),
                transcribed ? Optional.of(outcome.transcribed().stream().mapToInt(s -> s.words().size()).sum())
                        : Optional.empty(),
                AsrWriter.SEGMENTS,
                transcribed ? Optional.of(AsrWriter.TRANSCRIPT) : Optional.empty(),
                transcribed ? Optional.of(AsrWriter.SRT) : Optional.empty(),
                transcribed ? Optional.of(AsrWriter.VTT) : Optional.empty(),
                outcome.failed(), warnings,
                transcribed ? Optional.empty() : Optional.of(AsrModels.segmentsOnlyNote()),
                timings);
        return Json.MAPPER.valueToTree(result);
    }

    /** The detector at the recognition model's rate; a rate it does not take makes that model unusable here. */
    private static SileroVad vad(ModelLease lease, int rate, Optional<InstalledModel> ctcModel,
                                 java.util.function.BooleanSupplier cancelled) throws Exception {
        try {
            return new SileroVad(lease, rate, cancelled);
        } catch (IllegalArgumentException e) {
            ModelRef ref = ctcModel.map(InstalledModel::ref).orElse(lease.model().ref());
            throw ModelFailures.invalid(ref, e.getMessage());
        }
    }

    private static CtcContract contract(InstalledModel model) {
        try {
            return CtcContract.of(model.contract());
        } catch (IllegalArgumentException e) {
            throw ModelFailures.invalid(model.ref(), e.getMessage());
        }
    }

    /** The recognition model's lease when there is one, released with the job. */
    private record Leases(Optional<ModelLease> held) implements AutoCloseable {
        @Override
        public void close() {
            held.ifPresent(ModelLease::close);
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
