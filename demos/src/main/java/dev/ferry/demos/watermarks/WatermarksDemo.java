package dev.ferry.demos.watermarks;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.core.sources.Source;
import dev.ferry.core.sources.SourceException;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.detection.YoloDetector;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.EmbeddingModel;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.matching.CorpusEngine;
import dev.ferry.demos.matching.LocalFeaturesEngine;
import dev.ferry.demos.matching.Transposition;
import dev.ferry.demos.matching.embedding.EmbeddingEngine;
import dev.ferry.demos.matching.embedding.ImageEmbedder;
import dev.ferry.demos.media.FailedPage;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.PageDemo;
import dev.ferry.demos.media.PageFailure;
import dev.ferry.demos.media.PageLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a photographed watermark in a reference collection: each photo of paper is cut down
 * to its watermark (by a detector, when one is installed), evened out, and matched against the
 * images of one watermark source with the similarity engines, trying the query turned and
 * mirrored. The source's features are computed by the first job that needs them and kept.
 */
public final class WatermarksDemo implements PageDemo {
    public static final String NAME = "watermarks";

    private final DemoServices services;

    public WatermarksDemo(DemoServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Finds the watermark of each photo of paper in a reference collection (a watermark source): cut out by a"
                + " detector when installed, matched turned and mirrored by local features or an ONNX feature extractor."
                + " Writes matches.json and the query crops";
    }

    @Override
    public ParamSpec params() {
        return WatermarkSettings.spec();
    }

    @Override
    public Duration timeLimit() {
        return Duration.ofHours(1);
    }

    @Override
    public List<ModelAvailability> models() {
        return DemoModels.list(services.models(), NAME, WatermarkSettings.DEFAULT_DETECTOR,
                WatermarkSettings.DEFAULT_MODEL);
    }

    /** The source, the detector asked for and the embedding engine's model are checked before the job waits in line. */
    @Override
    public void checkReady(Map<String, Object> params) {
        WatermarkSettings settings = WatermarkSettings.of(params);
        source(settings.source());
        DemoModels.require(services.models(), NAME, settings.detector(), !settings.detect().equals("on"));
        if (settings.embedding()) {
            DemoModels.require(services.models(), NAME, settings.model(), false);
        }
    }

    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        WatermarkSettings settings = WatermarkSettings.of(ctx.params());
        Source source;
        try {
            source = source(settings.source());
        } catch (InvalidParamException e) {
            throw DemoFailure.badInput(e.getMessage());
        }
        Optional<ModelLease> features = settings.embedding()
                ? Optional.of(services.lease(ModelRef.forJob(NAME, settings.model())))
                : Optional.empty();
        Optional<ModelLease> detector;
        try {
            detector = detector(settings);
        } catch (RuntimeException e) {
            features.ifPresent(ModelLease::close);
            throw e;
        }
        try (PaperContrast contrast = new PaperContrast();
             CorpusEngine engine = engine(settings, features, ctx);
             JobPages pages = services.media().pages(ctx.inputs())) {
            QueryCutter cutter = new QueryCutter(detector.map(YoloDetector::new),
                    detector.map(l -> DetectOptions.resolve(l.contract(), 0, 0, 0)).orElse(null),
                    settings.minDetectionScore(), contrast);
            QueryReader queries = new QueryReader(cutter, engine, ctx.outputDir());
            PageLoop.Outcome<MatchesReport.Photo> photos = PageLoop.run(ctx, pages, new StageClock(), (number, page) -> {
                try (page) {
                    return queries.read(number - 1, page, ctx::isCancelled);
                } catch (OrtException | IllegalArgumentException e) {
                    throw PageFailure.modelFailed("the detector", e);
                }
            });
            photos.requireAPage();
            SourceMatcher matcher = new SourceMatcher(services.sources(), services.media().decoder(), contrast);
            SourceMatcher.Matched matched = matcher.match(ctx, source, settings, featureSettings(settings, features),
                    engine, queries.count());
            MatchesReport report = new MatchesReport(new MatchesReport.SourceInfo(source.uid(), source.name(),
                    source.images()), settings.engine(), settings.transpositions().stream().map(Transposition::wireName).toList(),
                    List.of("none"), photos.done(), queries.queries(), matched.matches(), photos.failed(),
                    warnings(photos, matched));
            AtomicFiles.write(ctx.outputDir().resolve(MatchesReport.FILE), Json.writeBytes(report));
            ctx.progress(queries.count(), queries.count(), "done");
            return Json.MAPPER.valueToTree(new Result(source.uid(), settings.engine(), photos.done().size(),
                    queries.count(), matched.features(), MatchesReport.FILE, photos.failed(), report.warnings()));
        } finally {
            detector.ifPresent(ModelLease::close);
            features.ifPresent(ModelLease::close);
        }
    }

    /** @throws InvalidParamException naming the uid and where the sources are listed */
    private Source source(String uid) {
        try {
            return services.sources().get(uid);
        } catch (SourceException e) {
            throw new InvalidParamException("source", "no watermark source '" + uid + "': list the sources with GET"
                    + " /api/v1/demos/watermarks/sources, or upload one there");
        }
    }

    /** The detector's lease when the job cuts watermarks out: always with on, when installed with auto. */
    private Optional<ModelLease> detector(WatermarkSettings settings) {
        if (settings.detect().equals("off")) {
            return Optional.empty();
        }
        ModelRef ref = ModelRef.forJob(NAME, settings.detector());
        if (settings.detect().equals("auto") && !services.models().status(ref).usable()) {
            return Optional.empty();
        }
        ModelLease lease = services.lease(ref);
        if (!lease.contract().task().equals(YoloDetector.TASK) || !lease.contract().labels().contains(QueryCutter.LABEL)) {
            lease.close();
            throw ModelFailures.invalid(ref, "a watermark detector is a YOLO model (task \"" + YoloDetector.TASK
                    + "\") whose labels include \"" + QueryCutter.LABEL + "\"");
        }
        return Optional.of(lease);
    }

    private static CorpusEngine engine(WatermarkSettings settings, Optional<ModelLease> features, DemoContext ctx) {
        Set<Transposition> tried = EnumSet.copyOf(settings.transpositions());
        return features.<CorpusEngine>map(l -> new EmbeddingEngine(new ImageEmbedder(new EmbeddingModel(l),
                        ctx::isCancelled), tried))
                .orElseGet(() -> new LocalFeaturesEngine(tried));
    }

    /** What the engine's description of a source depends on: its settings, and the model's sha256. */
    private SourceMatcher.FeatureKey featureSettings(WatermarkSettings settings, Optional<ModelLease> features) {
        // a folder name is at most 40 characters; the key, not the folder, tells models apart
        String folder = ("embedding-" + settings.model()).substring(0, Math.min(40, 10 + settings.model().length()));
        return features.map(l -> new SourceMatcher.FeatureKey(folder, "embedding/"
                        + services.models().status(l.model().ref()).sha256() + "/" + Json.write(l.contract())))
                .orElse(new SourceMatcher.FeatureKey("local", "local/sift"));
    }

    private static List<String> warnings(PageLoop.Outcome<MatchesReport.Photo> photos, SourceMatcher.Matched matched) {
        List<String> warnings = new ArrayList<>(photos.warnings());
        matched.unreadable().forEach(why -> warnings.add("source image left out, it cannot be decoded: " + why));
        return warnings;
    }

    /**
     * The job's result.
     *
     * @param queries  how many queries were cut from the photos
     * @param features {@code cached} when the source's features were read from an earlier job's, else {@code computed}
     */
    public record Result(String source, String engine, int photos, int queries, String features, String report,
                         List<FailedPage> failedPages, List<String> warnings) {}
}
