package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.inference.ModelAccess;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.inference.ProcessModels;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.MediaException;
import dev.ferry.demos.media.MediaReader;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The photo mood analyser: finds every face on each page (OpenCV's Haar cascade, no
 * download needed) and, when an emotion model is installed, says which emotion each face
 * shows. Writes {@code faces.json} and one annotated image per page.
 */
public final class FacesDemo implements Demo {
    public static final String NAME = "faces";
    static final String DEFAULT_MODEL = "ferplus";

    private final ModelAccess modelAccess;

    /** As ServiceLoader creates it: the process's shared store and loaded models, for the worker's settings. */
    public FacesDemo() {
        this(ModelAccess.process());
    }

    /** With a store and loaded models of the caller's; pages are read with the job's settings. */
    public FacesDemo(ModelStore store, Inference inference) {
        this(ModelAccess.of(store, inference));
    }

    private FacesDemo(ModelAccess modelAccess) {
        this.modelAccess = modelAccess;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Finds the faces in photos and says which emotion each one shows (FER+ model), with confidences";
    }

    @Override
    public ParamSpec params() {
        return ParamSpec.of(
                Param.string("model", DEFAULT_MODEL).range(1, 64)
                        .describe("emotion model in <data>/models/faces/<model>/; without it only faces are reported"),
                Param.integer("min_face_size", 30).range(8, 4000).describe("smallest face side, in pixels of the page"),
                Param.number("scale_factor", 1.1).range(1.01, 2.0)
                        .describe("step between detection scales; smaller finds more faces, slower"),
                Param.integer("min_neighbors", 4).range(0, 50)
                        .describe("overlapping detections a face needs; higher means fewer false faces"),
                Param.integer("max_side", 1600).range(200, 10_000)
                        .describe("pages are scaled down to this longest side for detection; boxes are in original pixels"));
    }

    @Override
    public List<String> accepts() {
        return MediaReader.ACCEPTS;
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
        return DemoModels.list(ProcessModels.store(), NAME, DEFAULT_MODEL);
    }

    /** The default emotion model is optional (without it a job reports faces only); one named otherwise must be usable. */
    @Override
    public void checkReady(Map<String, Object> params) {
        String model = String.valueOf(params.get("model"));
        DemoModels.require(ProcessModels.store(), NAME, model, model.equals(DEFAULT_MODEL));
    }

    @Override
    public JsonNode run(DemoContext context) throws IOException {
        FerryConfig config = context.config();
        ModelRef ref = modelRef(context.stringParam("model"));
        ModelStore models = modelAccess.store(config);
        Optional<ModelLease> lease = EmotionModels.acquire(models, modelAccess.inference(config), ref);
        Optional<String> note = lease.isPresent() ? Optional.empty() : Optional.of(EmotionModels.missingNote(models, ref));
        try {
            return run(context, config, lease.map(EmotionClassifier::new), note);
        } finally {
            lease.ifPresent(ModelLease::close);
        }
    }

    private JsonNode run(DemoContext context, FerryConfig config, Optional<EmotionClassifier> emotions,
                         Optional<String> note) throws IOException {
        note.ifPresent(n -> context.log().info(n));

        Path outputs = context.outputDir();
        Files.createDirectories(outputs.resolve("annotated"));
        List<FacesReport.PageFaces> pages = new ArrayList<>();
        List<FacesReport.FailedPage> failed = new ArrayList<>();
        List<String> warnings;
        int number = 0;
        try (FaceDetector detector = detector(context);
             JobPages inputs = MediaReader.shared(config).pages(context.inputs())) {
            for (PageRef page : inputs) {
                number++;
                context.progress(number - 1, inputs.estimatedTotal(), "page " + number + ": " + page.source());
                try (Page loaded = page.load()) {
                    pages.add(analyse(number, loaded, detector, emotions, outputs, context::isCancelled));
                } catch (MediaException e) {
                    failed.add(failedPage(context, number, page.source(), e.code(), e.getMessage()));
                } catch (OrtException e) {
                    failed.add(failedPage(context, number, page.source(), ErrorCode.MODEL_FAILED.wireName(),
                            "the emotion model failed on this page: " + e.getMessage()));
                }
            }
            warnings = inputs.warnings();
        }
        context.progress(number, number, "done");

        FacesReport report = new FacesReport("opencv_haar_frontalface", emotions.map(EmotionClassifier::name), note,
                pages, failed, warnings);
        AtomicFiles.write(outputs.resolve("faces.json"), Json.writeBytes(report));
        if (pages.isEmpty()) {
            throw DemoFailure.badInput(failed.isEmpty()
                    ? "the inputs hold no pages: send an image, a ZIP of images, a PDF or a list of URLs"
                    : "no page could be read: " + failed.stream().limit(3).map(FacesReport.FailedPage::reason)
                            .collect(Collectors.joining("; ")));
        }
        return summary(report);
    }

    private static FacesReport.PageFaces analyse(int number, Page page, FaceDetector detector,
                                                 Optional<EmotionClassifier> emotions, Path outputs,
                                                 BooleanSupplier cancelled) throws OrtException {
        List<FacesReport.Face> faces = new ArrayList<>();
        for (Detection d : detector.detect(page.image())) {
            List<Emotion> scored = emotions.isPresent()
                    ? emotions.get().classify(page.image(), d.box(), cancelled)
                    : List.of();
            faces.add(new FacesReport.Face(d.box(), d.confidence(), scored, scored.stream().findFirst()));
        }
        String file = String.format("annotated/page-%04d.jpg", number);
        try (Mat drawn = FaceAnnotator.annotate(page.image(), faces)) {
            if (!imwrite(outputs.resolve(file).toString(), drawn)) {
                throw new IllegalStateException("cannot write " + file);
            }
        }
        return new FacesReport.PageFaces(number, page.source(), page.width(), page.height(), file, faces);
    }

    private static FacesReport.FailedPage failedPage(DemoContext context, int number, String source, String code,
                                                     String reason) {
        context.log().warn("page {} ({}) skipped: {}", number, source, reason);
        return new FacesReport.FailedPage(number, source, code, reason);
    }

    private static ModelRef modelRef(String model) {
        try {
            return new ModelRef(NAME, model);
        } catch (IllegalArgumentException e) {
            throw DemoFailure.badInput("model '" + model + "' is not a model name like 'ferplus' (lower-case letters,"
                    + " digits, _ and -)");
        }
    }

    private static ObjectNode summary(FacesReport report) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("pages", report.pages().size());
        result.put("pages_failed", report.failedPages().size());
        result.put("faces", report.pages().stream().mapToInt(p -> p.faces().size()).sum());
        report.emotionModel().ifPresent(m -> result.put("emotion_model", m));
        report.note().ifPresent(n -> result.put("note", n));
        result.put("report", "faces.json");
        if (!report.failedPages().isEmpty()) {
            var failures = result.putArray("failed_pages");
            report.failedPages().forEach(f -> failures.addObject().put("source", f.source()).put("reason", f.reason()));
        }
        return result;
    }

    private static FaceDetector detector(DemoContext context) {
        return new HaarFaceDetector(context.doubleParam("scale_factor"), (int) context.longParam("min_neighbors"),
                (int) context.longParam("min_face_size"), (int) context.longParam("max_side"));
    }
}
