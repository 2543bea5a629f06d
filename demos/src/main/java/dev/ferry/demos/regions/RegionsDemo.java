package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
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
import dev.ferry.demos.inference.InstalledModel;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.inference.ProcessModels;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.inference.UsesModels;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.MediaException;
import dev.ferry.demos.media.MediaReader;
import dev.ferry.demos.media.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Regions of document page images — text lines, illustrations, diagrams, watermarks — with
 * their boxes, crops and an overlay per page. The model (a YOLO detector or a DB text
 * detector) is named by the job and read through its contract.
 */
public final class RegionsDemo implements Demo, UsesModels {
    public static final String NAME = "regions";
    public static final String DEFAULT_MODEL = "text_lines";
    public static final String ANNOTATIONS = "annotations.json";

    private final ModelAccess modelAccess;

    /** As ServiceLoader creates it: the process's shared store and loaded models, for the worker's settings. */
    public RegionsDemo() {
        this(ModelAccess.process());
    }

    /** With a store and loaded models of the caller's; pages are read with the job's settings. */
    public RegionsDemo(ModelStore store, Inference inference) {
        this(ModelAccess.of(store, inference));
    }

    private RegionsDemo(ModelAccess modelAccess) {
        this.modelAccess = modelAccess;
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

    @Override
    public void checkReady(Map<String, Object> params) {
        DemoModels.require(ProcessModels.store(), NAME, String.valueOf(params.get("model")), false);
    }

    @Override
    public List<String> modelsFor(Map<String, Object> params) {
        return List.of(String.valueOf(params.getOrDefault("model", DEFAULT_MODEL)));
    }

    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        FerryConfig config = ctx.config();
        ModelRef ref = modelRef(ctx.stringParam("model"));
        InstalledModel model = modelAccess.store(config).require(ref);
        StageClock clock = new StageClock();
        List<PageAnnotations> done = new ArrayList<>();
        List<FailedPage> failed = new ArrayList<>();
        List<String> warnings;
        int pages = 0;
        try (ModelLease lease = modelAccess.inference(config).acquire(model);
             JobPages inputs = MediaReader.shared(config).pages(ctx.inputs());
             PagePrefetcher prefetcher = new PagePrefetcher(inputs, clock);
             RegionsWriter writer = new RegionsWriter(ctx.outputDir(), clock)) {
            RegionsPipeline pipeline = new RegionsPipeline(
                    RegionDetector.forModel(lease),
                    DetectOptions.resolve(lease.contract(), ctx.doubleParam("confidence"), ctx.doubleParam("iou"),
                            ctx.longParam("max_size")),
                    ctx.stringParam("postprocess").equals("square") ? ctx.doubleParam("margin") : -1,
                    writer,
                    clock);
            for (Optional<PagePrefetcher.Taken> next = prefetcher.next(); next.isPresent(); next = prefetcher.next()) {
                PagePrefetcher.Taken page = next.get();
                pages = page.number();
                reportProgress(ctx, page);
                if (page.failure().isPresent()) {
                    MediaException e = page.failure().get();
                    failed.add(failedPage(ctx, page, e.code(), e.getMessage()));
                    continue;
                }
                try {
                    done.add(pipeline.process(page.number(), page.page().get(), ctx::isCancelled));
                } catch (OrtException | IllegalArgumentException e) {
                    failed.add(failedPage(ctx, page, ErrorCode.MODEL_FAILED.wireName(),
                            "the model failed on this page: " + e.getMessage()));
                }
            }
            writer.finish();
            warnings = inputs.warnings();
            ctx.progress(pages, pages, "done");
        }
        String task = model.contract().task();
        AtomicFiles.write(ctx.outputDir().resolve(ANNOTATIONS),
                Json.writeBytes(new Annotations(ref.model(), task, done, failed, warnings)));
        if (done.isEmpty()) {
            throw DemoFailure.badInput(failed.isEmpty()
                    ? "the inputs hold no pages: send an image, a ZIP of images, a PDF or a list of URLs"
                    : "no page could be processed: " + failed.stream().map(f -> f.source() + ": " + f.reason())
                            .limit(5).toList());
        }
        int regions = done.stream().mapToInt(p -> p.regions().size()).sum();
        return Json.MAPPER.valueToTree(new Result(ref.model(), task, done.size(), regions, failed, warnings,
                ANNOTATIONS, clock.millis()));
    }

    /** Page n of about N; a cancelled job stops here, and the page it was given is freed. */
    private static void reportProgress(DemoContext ctx, PagePrefetcher.Taken page) {
        int total = Math.max(page.number(), page.estimatedTotal());
        try {
            ctx.progress(page.number() - 1, total, "page " + page.number() + " of " + total + ": " + page.source());
        } catch (RuntimeException e) {
            page.page().ifPresent(Page::close);
            throw e;
        }
    }

    private static FailedPage failedPage(DemoContext ctx, PagePrefetcher.Taken page, String code, String reason) {
        ctx.log().warn("page {} ({}) failed: {}", page.number(), page.source(), reason);
        return new FailedPage(page.number(), page.source(), code, reason);
    }

    private static ModelRef modelRef(String model) {
        try {
            return new ModelRef(NAME, model);
        } catch (IllegalArgumentException e) {
            throw DemoFailure.badInput("model '" + model + "' is not a model name (lower-case letters, digits, _ and -)");
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
