package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageDemo;
import dev.ferry.demos.media.PageFailure;
import dev.ferry.demos.media.PageLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The photo mood analyser: finds every face on each page (MediaPipe's BlazeFace when its
 * model is installed, with six keypoints per face; otherwise OpenCV's Haar cascade, no
 * download needed) and, when an emotion model is installed, says which emotion each face
 * shows. Writes {@code faces.json} and one annotated image per page.
 */
public final class FacesDemo implements PageDemo {
    public static final String NAME = "faces";
    static final String DEFAULT_MODEL = "emotion";

    private final DemoServices services;

    /** With the process's model store, loaded models and media reader. */
    public FacesDemo(DemoServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Finds the faces in photos and says which emotion each one shows, with confidences";
    }

    @Override
    public ParamSpec params() {
        return ParamSpec.of(
                Param.string("model", DEFAULT_MODEL).range(1, 64)
                        .describe("emotion model in <data>/models/faces/<model>/; without it only faces are reported"),
                Param.string("detector", FaceDetectors.AUTO).range(1, 64)
                        .describe("auto (BlazeFace when installed, else the Haar cascade), haar, or a face model in <data>/models/faces/"),
                Param.integer("min_face_size", 30).range(8, 4000).describe("smallest face side, in pixels of the page"),
                Param.number("scale_factor", 1.1).range(1.01, 2.0)
                        .describe("Haar cascade: step between detection scales; smaller finds more faces, slower"),
                Param.integer("min_neighbors", 4).range(0, 50)
                        .describe("Haar cascade: overlapping detections a face needs; higher means fewer false faces"),
                Param.integer("max_side", 1600).range(200, 10_000)
                        .describe("Haar cascade: pages are scaled down to this longest side for detection; boxes are in original pixels"));
    }

    @Override
    public List<ModelAvailability> models() {
        return DemoModels.list(services.models(), NAME, DEFAULT_MODEL);
    }

    /** The default emotion model is optional (without it a job reports faces only); one named otherwise must be usable. */
    @Override
    public void checkReady(Map<String, Object> params) {
        String model = String.valueOf(params.get("model"));
        DemoModels.require(services.models(), NAME, model, model.equals(DEFAULT_MODEL));
        FaceDetectors.checkReady(services.models(), String.valueOf(params.get("detector")));
    }

    @Override
    public JsonNode run(DemoContext context) throws Exception {
        ModelRef ref = ModelRef.forJob(NAME, context.stringParam("model"));
        Optional<ModelLease> lease = EmotionModels.acquire(services.models(), services.inference(), ref);
        Optional<String> note = lease.isPresent() ? Optional.empty() : Optional.of(EmotionModels.missingNote(services.models(), ref));
        Optional<ModelLease> detectorLease = Optional.empty();
        try {
            detectorLease = FaceDetectors.acquire(services.models(), services.inference(), context.stringParam("detector"));
            return run(context, detectorLease, lease.map(EmotionClassifier::new), note);
        } finally {
            lease.ifPresent(ModelLease::close);
            detectorLease.ifPresent(ModelLease::close);
        }
    }

    private JsonNode run(DemoContext context, Optional<ModelLease> detectorModel, Optional<EmotionClassifier> emotions,
                         Optional<String> note) throws Exception {
        note.ifPresent(n -> context.log().info(n));

        Path outputs = context.outputDir();
        Files.createDirectories(outputs.resolve("annotated"));
        PageLoop.Outcome<FacesReport.PageFaces> pages;
        String detectorName;
        try (FaceDetector detector = detector(context, detectorModel);
             JobPages inputs = services.media().pages(context.inputs())) {
            detectorName = detector.name();
            pages = PageLoop.run(context, inputs, new StageClock(), (number, page) -> {
                try (page) {
                    return analyse(number, page, detector, emotions, outputs, context::isCancelled);
                } catch (OrtException e) {
                    throw PageFailure.modelFailed("the emotion model", e);
                }
            });
        }
        context.progress(pages.pages(), pages.pages(), "done");

        FacesReport report = new FacesReport(detectorName, emotions.map(EmotionClassifier::name), note,
                pages.done(), pages.failed(), pages.warnings());
        AtomicFiles.write(outputs.resolve("faces.json"), Json.writeBytes(report));
        pages.requireAPage();
        return summary(report);
    }

    private static FacesReport.PageFaces analyse(int number, Page page, FaceDetector detector,
                                                 Optional<EmotionClassifier> emotions, Path outputs,
                                                 BooleanSupplier cancelled) throws OrtException {
        List<FacesReport.Face> faces = new ArrayList<>();
        for (FaceDetection d : detector.detect(page.image())) {
            List<Emotion> scored = emotions.isPresent()
                    ? emotions.get().classify(page.image(), d.box(), cancelled)
                    : List.of();
            faces.add(new FacesReport.Face(d.box(), d.confidence(), d.keypoints(), scored, scored.stream().findFirst()));
        }
        String file = String.format("annotated/page-%04d.jpg", number);
        try (Mat drawn = FaceAnnotator.annotate(page.image(), faces)) {
            if (!imwrite(outputs.resolve(file).toString(), drawn)) {
                throw new IllegalStateException("cannot write " + file);
            }
        }
        return new FacesReport.PageFaces(number, page.source(), page.width(), page.height(), file, faces);
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
            result.set("failed_pages", Json.MAPPER.valueToTree(report.failedPages()));
        }
        return result;
    }

    private static FaceDetector detector(DemoContext context, Optional<ModelLease> model) {
        int minFaceSize = (int) context.longParam("min_face_size");
        if (model.isPresent()) {
            return new BlazeFaceDetector(model.get(), minFaceSize, context::isCancelled);
        }
        return new HaarFaceDetector(context.doubleParam("scale_factor"), (int) context.longParam("min_neighbors"),
                minFaceSize, (int) context.longParam("max_side"));
    }
}
