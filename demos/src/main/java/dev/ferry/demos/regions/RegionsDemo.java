package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.InstalledModel;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.FailedPage;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.PageDemo;
import dev.ferry.demos.media.PageFailure;
import dev.ferry.demos.media.PageLoop;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Regions of document page images — text lines, illustrations, diagrams, watermarks — with
 * their boxes, crops and an overlay per page. The model (a YOLO detector or a DB text
 * detector) is named by the job and read through its contract.
 */
public final class RegionsDemo implements PageDemo {
    public static final String NAME = "regions";
    public static final String DEFAULT_MODEL = "text_lines";
    public static final String ANNOTATIONS = "annotations.json";
    public static final String DIRECTION_MODEL = "text_direction";
    public static final String RECOGNITION_MODEL = "text_recognition";

    private final DemoServices services;

    /** With the process's model store, loaded models and media reader. */
    public RegionsDemo(DemoServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Finds regions in document page images (text lines by default; illustrations, diagrams or watermarks"
                + " with a YOLO model) and returns their boxes, a crop of each and an overlay per page. Takes"
                + " images, ZIPs of images, PDFs, IIIF manifests and lists of URLs";
    }

    @Override
    public ParamSpec params() {
        return ParamSpec.of(
                Param.string("model", DEFAULT_MODEL).range(1, 64)
                        .describe("model under models/regions/: text_lines (PP-OCRv4 text lines) or a YOLO detector"),
                Param.number("confidence", 0).range(0, 1)
                        .describe("minimum score of a region; 0 uses the model's default (0.6 text lines, 0.25 YOLO)"),
                Param.number("iou", 0).range(0, 1)
                        .describe("YOLO: overlap above which the weaker of two boxes of one class is dropped; 0 uses"
                                + " the model's default (0.45)"),
                Param.integer("max_size", 0).range(0, 4096)
                        .describe("longest side pages are scaled to for models that take any size; 0 uses the"
                                + " model's default (960 for text lines)"),
                Param.oneOf("postprocess", "none", "square")
                        .describe("square: square boxes around each region with a margin (for watermarks)"),
                Param.number("margin", 0.1).range(0, 1)
                        .describe("with postprocess=square: margin on each side, as a fraction of the longer side"),
                Param.oneOf("ocr", "auto", "on", "off")
                        .describe("read the text of each text line (ALTO, hOCR and plain text per page): auto does"
                                + " with a text-line model when text_direction and text_recognition are installed"));
    }

    @Override
    public List<ModelAvailability> models() {
        return DemoModels.list(services.models(), NAME, DEFAULT_MODEL);
    }

    @Override
    public void checkReady(Map<String, Object> params) {
        DemoModels.require(services.models(), NAME, String.valueOf(params.get("model")), false);
        if ("on".equals(params.get("ocr"))) {
            DemoModels.require(services.models(), NAME, DIRECTION_MODEL, false);
            DemoModels.require(services.models(), NAME, RECOGNITION_MODEL, false);
        }
    }

    /**
     * Whether the job reads text: {@code auto} does whenever it can, because a user asking for
     * text lines wants their text once the models that read it are installed
     * ({@code ferry models pull regions} installs them with the detector).
     */
    private boolean readsText(String ocr, InstalledModel detector) {
        boolean lines = detector.contract().task().equals(DbTextDetector.TASK);
        return switch (ocr) {
            case "off" -> false;
            case "on" -> {
                if (!lines) {
                    throw new InvalidParamException("ocr", "ocr reads text lines; the model " + detector.ref().model()
                            + " does not find text lines (its task is " + detector.contract().task() + ")");
                }
                yield true;
            }
            default -> lines && Stream.of(DIRECTION_MODEL, RECOGNITION_MODEL)
                    .allMatch(m -> services.models().status(new ModelRef(NAME, m)).usable());
        };
    }


    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        ModelRef ref = ModelRef.forJob(NAME, ctx.stringParam("model"));
        InstalledModel model = services.models().require(ref);
        boolean ocr = readsText(ctx.stringParam("ocr"), model);
        StageClock clock = new StageClock();
        PageLoop.Outcome<PageAnnotations> pages;
        try (ModelLease lease = services.inference().acquire(model);
             ModelLease direction = ocr ? acquire(DIRECTION_MODEL) : null;
             ModelLease recognition = ocr ? acquire(RECOGNITION_MODEL) : null;
             JobPages inputs = services.media().pages(ctx.inputs());
             RegionsWriter writer = new RegionsWriter(ctx.outputDir(), clock)) {
            RegionsPipeline pipeline = new RegionsPipeline(
                    RegionDetector.forModel(lease),
                    DetectOptions.resolve(lease.contract(), ctx.doubleParam("confidence"), ctx.doubleParam("iou"),
                            ctx.longParam("max_size")),
                    ctx.stringParam("postprocess").equals("square") ? ctx.doubleParam("margin") : -1,
                    writer,
                    clock,
                    ocr ? Optional.of(reader(direction, recognition)) : Optional.empty());
            pages = PageLoop.run(ctx, inputs, clock, (number, page) -> {
                try {
                    return pipeline.process(number, page, ctx::isCancelled);
                } catch (OrtException | IllegalArgumentException e) {
                    throw PageFailure.modelFailed("the model", e);
                }
            });
            writer.finish();
            ctx.progress(pages.pages(), pages.pages(), "done");
        }
        String task = model.contract().task();
        AtomicFiles.write(ctx.outputDir().resolve(ANNOTATIONS),
                Json.writeBytes(new Annotations(ref.model(), task, pages.done(), pages.failed(), pages.warnings())));
        pages.requireAPage();
        int regions = pages.done().stream().mapToInt(p -> p.regions().size()).sum();
        return Json.MAPPER.valueToTree(new Result(ref.model(), task, pages.done().size(), regions, pages.failed(),
                pages.warnings(), ANNOTATIONS, clock.millis()));
    }

    private ModelLease acquire(String model) {
        return services.lease(new ModelRef(NAME, model));
    }

    static TextReader reader(ModelLease direction, ModelLease recognition) {
        requireTask(direction, TextDirection.TASK);
        requireTask(recognition, TextRecognizer.TASK);
        try {
            return new TextReader(new TextDirection(direction), new TextRecognizer(recognition));
        } catch (IllegalArgumentException e) {
            throw ModelFailures.invalid(recognition.model().ref(), e.getMessage());
        }
    }

    private static void requireTask(ModelLease lease, String task) {
        if (!lease.contract().task().equals(task)) {
            throw ModelFailures.invalid(lease.model().ref(), "its task is " + lease.contract().task() + ", not " + task);
        }
    }

    /**
     * The content of annotations.json.
     *
     * @param warnings what was skipped without failing a page, e.g. files in a ZIP that are not images
     */
    public record Annotations(String model, String task, List<PageAnnotations> pages, List<FailedPage> failedPages,
                              List<String> warnings) {}

    /** The job's result. */
    public record Result(String model, String task, int pages, int regions, List<FailedPage> failedPages,
                         List<String> warnings, String annotations, Map<String, Double> timingsMs) {}
}
