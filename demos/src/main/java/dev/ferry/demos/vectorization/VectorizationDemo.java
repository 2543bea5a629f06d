package dev.ferry.demos.vectorization;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.Param;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.FailedPage;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.PageDemo;
import dev.ferry.demos.media.PageFailure;
import dev.ferry.demos.media.PageLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Line drawings as vectors: the lines, circles and arcs of diagrams on scanned pages, as SVG,
 * JSON and an overlay per page, and a ZIP of them all. The OpenCV engine needs no model; the
 * ONNX engine runs a primitive detector of one's own ({@link OnnxVectorizer}).
 */
public final class VectorizationDemo implements PageDemo {
    public static final String NAME = "vectorization";
    public static final String DEFAULT_MODEL = "primitives";
    public static final String SUMMARY = "vectorization.json";
    public static final String ZIP = "vectorization.zip";
    static final String OPENCV = "opencv";
    static final String ONNX = "onnx";

    private final DemoServices services;

    /** With the process's model store, loaded models and media reader. */
    public VectorizationDemo(DemoServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Turns line drawings on scanned pages (diagrams, figures) into vectors: lines, circles and arcs, as SVG,"
                + " JSON and an overlay per page, and a ZIP of everything. No model needed (OpenCV); a primitive"
                + " detector of your own can replace it (engine=onnx). Takes images, ZIPs, PDFs, IIIF manifests and"
                + " lists of URLs";
    }

    @Override
    public ParamSpec params() {
        TraceOptions d = TraceOptions.DEFAULTS;
        return ParamSpec.of(
                Param.oneOf("engine", OPENCV, ONNX)
                        .describe("opencv: strokes traced with OpenCV, no model; onnx: a primitive detector (model)"),
                Param.string("model", DEFAULT_MODEL).range(1, 64)
                        .describe("with engine=onnx: the model under models/vectorization/"),
                Param.string("regions", "").range(0, 100_000)
                        .describe("JSON: boxes [{\"x\",\"y\",\"width\",\"height\"}] in pixels to vectorize on every page,"
                                + " or {\"<page>\": [boxes]} per page; empty for whole pages"),
                Param.number("confidence", 0).range(0, 1)
                        .describe("least confidence of a primitive; 0 uses the engine's default (opencv: 0.6 of its"
                                + " length in ink; onnx: the model's, else 0.5)"),
                Param.number("min_line_length", d.minLineLength()).range(1, 100_000)
                        .describe("opencv: shorter lines are dropped (pixels)"),
                Param.number("line_merge_distance", d.lineMergeDistance()).range(0, 100)
                        .describe("opencv: collinear pieces this close (pixels) and joined by ink are one line"),
                Param.number("circle_min_radius", d.circleMinRadius()).range(1, 100_000)
                        .describe("opencv: smallest circle or arc radius looked for (pixels)"),
                Param.number("circle_max_radius", d.circleMaxRadius()).range(0, 100_000)
                        .describe("opencv: largest circle or arc radius looked for (pixels); 0 for no limit"),
                Param.number("arc_min_angle", d.arcMinAngle()).range(1, 359)
                        .describe("opencv: arcs covering less of their circle are dropped (degrees)"),
                Param.number("fit_tolerance", d.fitTolerance()).range(0.5, 20)
                        .describe("opencv: how far a stroke may stray from its line or circle (pixels; at least half"
                                + " the stroke width is allowed)"),
                Param.integer("threshold_block", d.thresholdBlock()).range(3, 1001)
                        .describe("opencv: the neighbourhood the paper's brightness is measured over (pixels); larger"
                                + " than the thickest stroke"),
                Param.number("min_contrast", d.minContrast()).range(0.01, 0.9)
                        .describe("opencv: how much darker than the paper around it ink is (0.2 = 20 %)"),
                Param.integer("min_blob", d.minBlob()).range(0, 10_000)
                        .describe("opencv: specks and pinholes smaller than this many pixels are noise"),
                Param.bool("embed_image", true)
                        .describe("embed each page in its SVG as a hidden layer"));
    }

    @Override
    public List<ModelAvailability> models() {
        return DemoModels.list(services.models(), NAME);
    }

    @Override
    public void checkReady(Map<String, Object> params) {
        try {
            CropBoxes.parse(String.valueOf(params.get("regions")));
        } catch (IllegalArgumentException e) {
            throw new InvalidParamException("regions", e.getMessage());
        }
        if (ONNX.equals(params.get("engine"))) {
            DemoModels.require(services.models(), NAME, String.valueOf(params.get("model")), false);
        }
    }


    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        CropBoxes boxes = boxes(ctx.stringParam("regions"));
        boolean onnx = ctx.stringParam("engine").equals(ONNX);
        Optional<ModelRef> model = onnx ? Optional.of(ModelRef.forJob(NAME, ctx.stringParam("model"))) : Optional.empty();
        StageClock clock = new StageClock();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        PageLoop.Outcome<PageVectors> pages;
        ModelLease lease = model.isPresent() ? services.lease(model.get()) : null;
        try (ModelLease held = lease;
             JobPages inputs = services.media().pages(ctx.inputs());
             VectorizationWriter writer = new VectorizationWriter(ctx.outputDir(), ctx.booleanParam("embed_image"),
                     clock)) {
            Vectorizer vectorizer = held != null ? new OnnxVectorizer(held, ctx.doubleParam("confidence"))
                    : new StrokeVectorizer(traceOptions(ctx));
            VectorizationPipeline pipeline = new VectorizationPipeline(vectorizer, boxes, writer, clock, warnings::add);
            pages = PageLoop.run(ctx, inputs, clock, (number, page) -> {
                try {
                    return pipeline.process(number, page, ctx::isCancelled);
                } catch (PageRefused e) {
                    throw new PageFailure(e.errorCode(), e.getMessage());
                } catch (JobCancelledException | DemoFailure e) {
                    throw e;
                } catch (OrtException | RuntimeException e) {
                    throw onnx ? PageFailure.modelFailed("the model", e)
                            : new PageFailure(ErrorCode.VECTORIZATION_FAILED, "vectorizing this page failed: " + e.getMessage());
                }
            });
            writer.finish();
            warnings.addAll(0, pages.warnings());
            ctx.progress(pages.pages(), pages.pages(), "done");
        }
        String engine = onnx ? ONNX : OPENCV;
        Optional<String> modelName = model.map(ModelRef::model);
        List<PageVectors> done = pages.done();
        Summary summary = new Summary(engine, modelName, done, pages.failed(), List.copyOf(warnings), ZIP);
        AtomicFiles.write(ctx.outputDir().resolve(SUMMARY), Json.writeBytes(summary));
        pages.requireAPage();
        OutputZip.write(ctx.outputDir(), ZIP, done, SUMMARY);
        return Json.MAPPER.valueToTree(new Result(engine, modelName, done.size(),
                done.stream().mapToInt(PageVectors::lines).sum(), done.stream().mapToInt(PageVectors::circles).sum(),
                done.stream().mapToInt(PageVectors::arcs).sum(), pages.failed(), summary.warnings(), SUMMARY, ZIP,
                clock.millis()));
    }

    static TraceOptions traceOptions(DemoContext ctx) {
        double confidence = ctx.doubleParam("confidence");
        return new TraceOptions((int) ctx.longParam("threshold_block") | 1, ctx.doubleParam("min_contrast"),
                (int) ctx.longParam("min_blob"), ctx.doubleParam("fit_tolerance"), ctx.doubleParam("min_line_length"),
                ctx.doubleParam("line_merge_distance"), ctx.doubleParam("circle_min_radius"),
                ctx.doubleParam("circle_max_radius"), ctx.doubleParam("arc_min_angle"),
                confidence > 0 ? confidence : TraceOptions.DEFAULTS.minConfidence());
    }

    private static CropBoxes boxes(String regions) {
        try {
            return CropBoxes.parse(regions);
        } catch (IllegalArgumentException e) {
            throw DemoFailure.badInput(e.getMessage());
        }
    }

    /**
     * The content of vectorization.json.
     *
     * @param warnings what was skipped without failing a page: files in a ZIP that are not images, regions outside a page
     */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Summary(String engine, Optional<String> model, List<PageVectors> pages, List<FailedPage> failedPages,
                          List<String> warnings, String zip) {}

    /** The job's result. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    public record Result(String engine, Optional<String> model, int pages, int lines, int circles, int arcs,
                         List<FailedPage> failedPages, List<String> warnings, String summary, String zip,
                         Map<String, Double> timingsMs) {}
}
