package dev.ferry.demos.sign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.core.storage.MediaTypes;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.av.VideoReader;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.InstalledModel;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.StageClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sign language video to words: a word-level video classifier (I3D, S3D, VideoMAE... exported
 * to ONNX with its {@code model.json}) over the clip, or over sliding windows of a longer
 * recording for a timeline of words. Frames are decoded once, streaming, and only the frames
 * the model sees are converted, so memory does not grow with the length of the video.
 */
public final class SignDemo implements Demo {
    public static final String NAME = "sign";
    public static final String DEFAULT_MODEL = "default";
    public static final String PREDICTIONS = "predictions.json";

    private final DemoServices services;

    /** With the process's model store, loaded models and media reader. */
    public SignDemo(DemoServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Recognises signed words in a video with a word-level sign language classifier: the top-k words"
                + " with probabilities, or with window > 0 a timeline of words over a longer recording."
                + " Takes MP4, WebM, MOV, AVI and MKV";
    }

    @Override
    public ParamSpec params() {
        return ParamSpec.of(
                Param.string("model", DEFAULT_MODEL).range(1, 64)
                        .describe("video classifier in <data>/models/sign/<model>/ (model.onnx + model.json)"),
                Param.integer("top_k", 5).range(1, 1000).describe("how many of the most likely words to return"),
                Param.number("window", 0).range(0, 600)
                        .describe("seconds per window for a timeline of words over a long video; 0 classifies the"
                                + " whole clip as one word"),
                Param.number("stride", 0).range(0, 600)
                        .describe("seconds between the starts of windows; 0 is half a window"),
                Param.number("min_probability", 0).range(0, 1)
                        .describe("timeline: a window whose best word is less likely than this is a gap"));
    }

    @Override
    public List<String> accepts() {
        // FFmpeg reads more containers than the upload check recognises; the demo probes each file itself.
        return List.of("video/*", MediaTypes.OCTET_STREAM);
    }

    @Override
    public boolean requiresInput() {
        return true;
    }

    @Override
    public Duration timeLimit() {
        return Duration.ofMinutes(30);
    }

    @Override
    public List<ModelAvailability> models() {
        return DemoModels.list(services.models(), NAME, DEFAULT_MODEL);
    }

    @Override
    public void checkReady(Map<String, Object> params) {
        DemoModels.require(services.models(), NAME, String.valueOf(params.get("model")), false);
    }


    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        if (ctx.inputs().size() != 1) {
            throw DemoFailure.badInput("sign takes one video per job; this job has " + ctx.inputs().size() + " inputs");
        }
        ModelRef ref = ModelRef.forJob(NAME, ctx.stringParam("model"));
        InstalledModel model = services.models().require(ref);
        VideoContract video = VideoContract.of(ref, model.contract());
        Path input = ctx.inputs().get(0);
        ctx.progress(0, 1, "reading " + JobInputs.originalName(input));
        VideoReader reader = VideoReader.open(input);
        StageClock clock = new StageClock();
        Predictions predictions;
        try (ModelLease lease = services.inference().acquire(model)) {
            SignClassifier classifier = new SignClassifier(lease, video);
            SignRun run = new SignRun(reader, video, model.contract(), clock);
            predictions = run.predict(ref.model(), JobInputs.originalName(input), frames -> {
                ctx.checkCancelled();
                return classifier.classify(frames, ctx::isCancelled);
            }, SignRun.Options.from(ctx), decodedFrame -> progress(ctx, decodedFrame, reader.frameCount()));
        }
        AtomicFiles.write(ctx.outputDir().resolve(PREDICTIONS), Json.writeBytes(predictions));
        ctx.progress(reader.frameCount(), reader.frameCount(), "done");
        return Json.MAPPER.valueToTree(new Result(ref.model(), predictions.mode(), predictions.durationSeconds(),
                predictions.topK(), predictions.timeline(), PREDICTIONS, clock.millis()));
    }

    /** A progress report every 5% of the frames; every frame is a point where a cancelled job stops. */
    private static void progress(DemoContext ctx, int index, int frames) {
        int step = Math.max(1, frames / 20);
        if (index % step == 0) {
            ctx.progress(index, frames, "decoding frame " + (index + 1) + " of " + frames);
        } else {
            ctx.checkCancelled();
        }
    }

    /** The job's result: the words, and where the details are. */
    record Result(String model, String mode, double durationSeconds, List<Guess> topK, List<SignedWord> timeline,
                  String predictions, Map<String, Double> timingsMs) {
    }
}
