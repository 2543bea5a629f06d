package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.InstalledModel;
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

/**
 * Regions of document page images — text lines, illustrations, diagrams, watermarks — with
 * their boxes, crops and an overlay per page. The model (a YOLO detector or a DB text
 * detector) is named by the job and read through its contract.
 */
public final class RegionsDemo implements PageDemo {
    public static final String NAME = "regions";
    public static final String DEFAULT_MODEL = "text_lines";
    public static final String ANNOTATIONS = "annotations.json";

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
                        .describe("with postprocess=square: margin on each side, as a fraction of the longer side"));
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
        ModelRef ref = ModelRef.forJob(NAME, ctx.stringParam("model"));
        InstalledModel model = services.models().require(ref);
        StageClock clock = new StageClock();
        PageLoop.Outcome<PageAnnotations> pages;
        try (ModelLease lease = services.inference().acquire(model);
             JobPages inputs = services.media().pages(ctx.inputs());
             RegionsWriter writer = new RegionsWriter(ctx.outputDir(), clock)) {
            RegionsPipeline pipeline = new RegionsPipeline(
                    RegionDetector.forModel(lease),
                    DetectOptions.resolve(lease.contract(), ctx.doubleParam("confidence"), ctx.doubleParam("iou"),
                            ctx.longParam("max_size")),
                    ctx.stringParam("postprocess").equals("square") ? ctx.doubleParam("margin") : -1,
                    writer,
                    clock);
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
