package dev.ferry.demos.regions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InstalledModel;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.inference.ProcessModels;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.inference.UsesModels;
import dev.ferry.demos.media.PageException;
import dev.ferry.demos.media.PageRef;
import dev.ferry.demos.media.PageSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Regions of document page images — text lines, illustrations, diagrams, watermarks — with
 * their boxes, crops and an overlay per page. The model (a YOLO detector or a DB text
 * detector) is named by the job and read through its contract.
 */
public final class RegionsDemo implements Demo, UsesModels {
    public static final String NAME = "regions";
    public static final String DEFAULT_MODEL = "text_lines";
    public static final String ANNOTATIONS = "annotations.json";

    private final Supplier<ModelStore> store;
    private final Supplier<Inference> inference;
    private final PageSource pages;

    /** As ServiceLoader creates it: the process's shared store and loaded models, found when a job runs. */
    public RegionsDemo() {
        this(ProcessModels::store, ProcessModels::inference, PageSource.standard());
    }

    public RegionsDemo(ModelStore store, Inference inference, PageSource pages) {
        this(() -> store, () -> inference, pages);
    }

    private RegionsDemo(Supplier<ModelStore> store, Supplier<Inference> inference, PageSource pages) {
        this.store = store;
        this.inference = inference;
        this.pages = pages;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Finds regions in document page images (text lines by default; illustrations, diagrams or watermarks"
                + " with a YOLO model) and returns their boxes, a crop of each and an overlay per page";
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
        return List.of("image/*", "application/zip", "application/pdf", "application/json");
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
        return DemoModels.list(store.get(), NAME, DEFAULT_MODEL);
    }

    @Override
    public void checkReady(Map<String, Object> params) {
        DemoModels.require(store.get(), NAME, String.valueOf(params.get("model")), false);
    }

    @Override
    public List<String> modelsFor(Map<String, Object> params) {
        return List.of(String.valueOf(params.getOrDefault("model", DEFAULT_MODEL)));
    }

    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        ModelRef ref = modelRef(ctx.stringParam("model"));
        InstalledModel model = store.get().require(ref);
        List<PageRef> refs = pages.pages(ctx.inputs());
        if (refs.isEmpty()) {
            throw DemoFailure.badInput("the job has no input images");
        }
        StageClock clock = new StageClock();
        List<PageAnnotations> done = new ArrayList<>();
        List<FailedPage> failed = new ArrayList<>();
        try (ModelLease lease = inference.get().acquire(model);
             PagePrefetcher prefetcher = new PagePrefetcher(refs, clock);
             RegionsWriter writer = new RegionsWriter(ctx.outputDir(), clock)) {
            List<PageRef> ahead = prefetcher.pages();
            RegionsPipeline pipeline = new RegionsPipeline(
                    RegionDetector.forModel(lease),
                    DetectOptions.resolve(lease.contract(), ctx.doubleParam("confidence"), ctx.doubleParam("iou"),
                            ctx.longParam("max_size")),
                    ctx.stringParam("postprocess").equals("square") ? ctx.doubleParam("margin") : -1,
                    writer,
                    clock);
            for (int i = 0; i < ahead.size(); i++) {
                PageRef page = ahead.get(i);
                ctx.progress(i, refs.size(), "page " + (i + 1) + " of " + refs.size() + ": " + page.source());
                try {
                    done.add(pipeline.process(page, ctx::isCancelled));
                } catch (PageException e) {
                    ctx.log().warn("page {} ({}) failed: {}", page.name(), page.source(), e.getMessage());
                    failed.add(new FailedPage(page.name(), page.source(), e.getMessage()));
                }
            }
            writer.finish();
            ctx.progress(refs.size(), refs.size(), "done");
        }
        String task = model.contract().task();
        AtomicFiles.write(ctx.outputDir().resolve(ANNOTATIONS),
                Json.writeBytes(new Annotations(ref.model(), task, done, failed)));
        if (done.isEmpty()) {
            throw DemoFailure.badInput("no page could be processed: " + failed.stream()
                    .map(f -> f.source() + ": " + f.reason()).limit(5).toList());
        }
        int regions = done.stream().mapToInt(p -> p.regions().size()).sum();
        return Json.MAPPER.valueToTree(new Result(ref.model(), task, done.size(), regions, failed, ANNOTATIONS,
                clock.millis()));
    }

    private static ModelRef modelRef(String model) {
        try {
            return new ModelRef(NAME, model);
        } catch (IllegalArgumentException e) {
            throw DemoFailure.badInput("model '" + model + "' is not a model name (lower-case letters, digits, _ and -)");
        }
    }

    /** The content of annotations.json. */
    public record Annotations(String model, String task, List<PageAnnotations> pages, List<FailedPage> failedPages) {}

    /** The job's result. */
    public record Result(String model, String task, int pages, int regions, List<FailedPage> failedPages,
                         String annotations, Map<String, Double> timingsMs) {}
}
