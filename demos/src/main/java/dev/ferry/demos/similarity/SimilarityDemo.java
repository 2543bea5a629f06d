package dev.ferry.demos.similarity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.EmbeddingModel;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.matching.Candidate;
import dev.ferry.demos.matching.LocalFeaturesEngine;
import dev.ferry.demos.matching.RerankedEngine;
import dev.ferry.demos.matching.SimilarityEngine;
import dev.ferry.demos.matching.Transposition;
import dev.ferry.demos.matching.embedding.EmbeddingEngine;
import dev.ferry.demos.matching.embedding.ImageEmbedder;
import dev.ferry.demos.media.FailedPage;
import dev.ferry.demos.media.PageDemo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * Finds the same or nearly the same picture across documents — printed from one woodblock,
 * copied, turned, mirrored, cropped, re-scanned: every image against every other, or the
 * images of some inputs (the queries) against the rest. Writes the pairs in discover-api's
 * shape with named fields, each image's top k, the matched points, and pictures of the best
 * pairs.
 */
public final class SimilarityDemo implements PageDemo {
    public static final String NAME = "similarity";
    static final String STAGING = ".staging";

    private final DemoServices services;

    public SimilarityDemo(DemoServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Finds the same picture across documents (copied, turned, mirrored, cropped, re-scanned) by local"
                + " features verified geometrically, or by an ONNX feature extractor's vectors. Writes pairs.json, each"
                + " image's top k, the matched points and pictures of the best pairs";
    }

    @Override
    public ParamSpec params() {
        return SimilaritySettings.spec();
    }

    @Override
    public Duration timeLimit() {
        return Duration.ofHours(1);
    }

    @Override
    public List<ModelAvailability> models() {
        return DemoModels.list(services.models(), NAME, SimilaritySettings.DEFAULT_MODEL);
    }

    /**
     * Transpositions and queries are checked at submit, and the embedding engine's model, so a bad
     * one is refused before the job waits in line.
     */
    @Override
    public void checkReady(Map<String, Object> params) {
        SimilaritySettings settings = SimilaritySettings.of(params);
        if (settings.embedding()) {
            DemoModels.require(services.models(), NAME, settings.model(), false);
        }
    }

    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        SimilaritySettings settings = SimilaritySettings.of(ctx.params());
        requireKnownInputs(settings, ctx.inputs().size());
        Path staging = ctx.outputDir().resolve(STAGING);
        Optional<ModelLease> lease = settings.embedding()
                ? Optional.of(services.lease(ModelRef.forJob(NAME, settings.model())))
                : Optional.empty();
        try (SimilarityEngine engine = engine(settings, lease.map(l -> new ImageEmbedder(new EmbeddingModel(l),
                ctx::isCancelled)))) {
            SetReader.Read read = SetReader.read(ctx, services.media(), engine, staging, settings.crops());
            List<String> warnings = new ArrayList<>(read.warnings());
            if (settings.rerank() && !settings.embedding()) {
                warnings.add("rerank has no effect with engine local: its pairs are verified already");
            }
            if (read.images().size() < 2) {
                throw DemoFailure.badInput(tooFew(read));
            }
            Map<Integer, List<Candidate>> ranked = rank(ctx, engine, read.images(), settings);
            List<Pair> pairs = SimilarityWriter.write(ctx.outputDir(), read, ranked, parameters(settings), warnings);
            ctx.progress(read.images().size(), read.images().size(), "done");
            return Json.MAPPER.valueToTree(new Result(settings.engine(), read.images().size(), ranked.size(),
                    pairs.size(), SimilarityWriter.PAIRS, read.failed(), warnings));
        } finally {
            lease.ifPresent(ModelLease::close);
            DataFolder.deleteTree(staging);
        }
    }

    /** The engine a job asks for; {@code embedder} is present for the embedding engine. */
    static SimilarityEngine engine(SimilaritySettings settings, Optional<ImageEmbedder> embedder) {
        if (!settings.embedding()) {
            return new LocalFeaturesEngine(settings.transpositions());
        }
        EmbeddingEngine vectors = new EmbeddingEngine(embedder.orElseThrow(), settings.transpositions());
        return settings.rerank()
                ? new RerankedEngine(vectors, new LocalFeaturesEngine(settings.transpositions()),
                        SimilaritySettings.RERANK_SHORTLIST)
                : vectors;
    }

    /** Each query image's top k, in image order; told per image, where a cancelled job stops. */
    private static Map<Integer, List<Candidate>> rank(DemoContext ctx, SimilarityEngine engine, List<IndexedImage> images,
                                                      SimilaritySettings settings) {
        IntPredicate isQuery = i -> settings.queries().isEmpty()
                || settings.queries().contains(Integer.parseInt(images.get(i).doc()));
        IntPredicate among = settings.queries().isEmpty() ? i -> true : isQuery.negate();
        List<Integer> queries = images.stream().map(IndexedImage::image).filter(isQuery::test).toList();
        if (queries.isEmpty() || images.stream().noneMatch(i -> among.test(i.image()))) {
            throw DemoFailure.badInput("queries " + settings.queries() + " leave " + (queries.isEmpty()
                    ? "no query image" : "no image to compare the queries with") + ": name the inputs whose images"
                    + " are the queries, and send others to search");
        }
        Map<Integer, List<Candidate>> ranked = new LinkedHashMap<>();
        for (int n = 0; n < queries.size(); n++) {
            int q = queries.get(n);
            ctx.progress(n, queries.size(), "comparing image " + (n + 1) + " of " + queries.size() + ": "
                    + images.get(q).source());
            ranked.put(q, engine.rank(q, among, settings.topk(), settings.minScore()));
        }
        return ranked;
    }

    private static void requireKnownInputs(SimilaritySettings settings, int inputs) {
        for (int q : settings.queries()) {
            if (q > inputs) {
                throw new InvalidParamException("queries", "queries names input " + q + " but the job has " + inputs(inputs));
            }
        }
        for (Crop crop : settings.crops()) {
            if (crop.input() > inputs) {
                throw new InvalidParamException(Crop.PARAM, "crop '" + crop.id() + "' is on input " + crop.input()
                        + " but the job has " + inputs(inputs));
            }
        }
    }

    private static String inputs(int count) {
        return count + " input" + (count == 1 ? "" : "s");
    }

    private static String tooFew(SetReader.Read read) {
        String failed = read.failed().isEmpty() ? "" : "; could not read: " + read.failed().stream()
                .map(f -> f.source() + ": " + f.reason()).limit(5).collect(Collectors.joining("; "));
        String skipped = read.warnings().isEmpty() ? "" : "; " + String.join("; ", read.warnings().stream().limit(5).toList());
        return "similarity needs at least two images to compare, the inputs gave " + read.images().size() + failed + skipped
                + ": send images, ZIPs of images, PDFs, URLs or an earlier job's crops, or crops naming at least two pages";
    }

    private static SimilarityWriter.Parameters parameters(SimilaritySettings s) {
        return new SimilarityWriter.Parameters(s.engine(), s.topk(), s.minScore(),
                s.transpositions().stream().map(Transposition::wireName).toList(), List.copyOf(s.queries()), s.rerank());
    }

    /**
     * The job's result.
     *
     * @param queries how many images were queries (all of them without {@code queries})
     * @param pairs   how many distinct pairs pairs.json lists
     */
    public record Result(String engine, int images, int queries, int pairs, String report, List<FailedPage> failedPages,
                         List<String> warnings) {}
}
