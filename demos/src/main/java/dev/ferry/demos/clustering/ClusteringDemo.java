package dev.ferry.demos.clustering;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.ModelAvailability;
import dev.ferry.core.demo.ParamSpec;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.JobFiles;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.inference.DemoModels;
import dev.ferry.demos.inference.EmbeddingModel;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.media.FailedPage;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.MediaReader;
import dev.ferry.demos.media.PageDemo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Groups a set of images — extracted illustrations, watermarks, letters, a regions job's
 * crops — into clusters, each with a representative prototype. By default with
 * transformation-invariant k-means, robust to shifts, rotations and scale without any
 * model; or on the vectors of an ONNX feature extractor. Writes the prototypes, the members
 * of each cluster, clusters.json and .csv, a loss plot and a standalone clusters.html.
 */
public final class ClusteringDemo implements PageDemo {
    public static final String NAME = "clustering";
    static final String STAGING = ".staging";

    private final DemoServices services;

    /** With the process's model store, loaded models and media reader. */
    public ClusteringDemo(DemoServices services) {
        this.services = services;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Groups images (illustrations, watermarks, letters, crops of a regions job) into clusters with a"
                + " prototype each, robust to shifts, rotations and scale; or by the features of an ONNX model."
                + " Writes prototypes, members, clusters.json/.csv, a loss plot and clusters.html";
    }

    @Override
    public ParamSpec params() {
        return ClusteringSettings.spec();
    }

    @Override
    public Duration timeLimit() {
        return Duration.ofHours(1);
    }

    @Override
    public List<ModelAvailability> models() {
        return DemoModels.list(services.models(), NAME, ClusteringSettings.DEFAULT_MODEL);
    }

    /** The tik engine needs nothing installed; the embedding engine needs its model. {@code assign_to} must parse. */
    @Override
    public void checkReady(Map<String, Object> params) {
        ClusteringSettings settings = ClusteringSettings.of(params);
        if (settings.embedding()) {
            DemoModels.require(services.models(), NAME, settings.model(), false);
        }
    }


    @Override
    public JsonNode run(DemoContext ctx) throws Exception {
        ClusteringSettings settings = ClusteringSettings.of(ctx.params());
        Path outputs = ctx.outputDir();
        Path staging = outputs.resolve(STAGING);
        Optional<ModelLease> lease = Optional.empty();
        try (Parallel parallel = Parallel.allCores()) {
            Optional<EmbeddingModel> model = Optional.empty();
            if (settings.embedding()) {
                lease = Optional.of(services.lease(modelRef(settings)));
                model = Optional.of(new EmbeddingModel(lease.get()));
            }
            ItemReader.Describer describer = model.isPresent() ? describer(model.get(), ctx)
                    : TikEngine.describer(settings.size());
            long values = model.isPresent() ? model.get().dimension() : (long) settings.size() * settings.size();
            ItemReader.Read read;
            try (JobPages pages = services.media().pages(ctx.inputs())) {
                read = ItemReader.read(pages, staging, describer, values,
                        (n, total, source) -> ctx.progress(n - 1, total, "reading image " + n + " of " + total + ": " + source),
                        ctx.log());
            }
            if (read.items().isEmpty()) {
                throw DemoFailure.badInput(noImages(read));
            }
            Optional<ReferenceGroups> groups = Optional.empty();
            if (settings.assignTo().isPresent()) {
                groups = Optional.of(references(ctx, services.media(), settings, staging, describer, values));
            }
            List<String> warnings = new ArrayList<>(read.warnings());
            int n = read.items().size();
            if (groups.isEmpty() && !(settings.embedding() && settings.distanceThreshold() > 0) && settings.clusters() > n) {
                warnings.add("n_prototypes " + settings.clusters() + " is more than the " + n + " image"
                        + (n == 1 ? "" : "s") + " read: made " + n + " cluster" + (n == 1 ? "" : "s"));
            }
            TikMeans.Listener listener = (done, total, loss, moved) -> ctx.progress(done, total, done == 0
                    ? String.format(Locale.ROOT, "prototypes seeded: loss %.5g", loss)
                    : String.format(Locale.ROOT, "iteration %d of %d: loss %.5g, %d moved", done, total, loss, moved));
            Clustering clustering = cluster(read.items(), settings, groups, parallel, ctx, listener);
            ClustersReport report = ClusterWriter.write(outputs, read.items(), clustering, new ClusterWriter.Run(
                    settings.embedding() ? "embedding" : "tik",
                    settings.embedding() ? Optional.empty() : Optional.of(settings.transformation().wireName()),
                    settings.embedding() ? Optional.of(settings.model()) : Optional.empty(), settings,
                    settings.assignTo().map(a -> a.job() + "/" + a.files()), read.failed(), warnings));
            ctx.progress(Math.max(1, clustering.iterations()), Math.max(1, clustering.iterations()), "done");
            return Json.MAPPER.valueToTree(Result.of(report));
        } finally {
            lease.ifPresent(ModelLease::close);
            DataFolder.deleteTree(staging);
        }
    }

    private static Clustering cluster(List<Item> items, ClusteringSettings settings, Optional<ReferenceGroups> groups,
                                      Parallel parallel, DemoContext ctx, TikMeans.Listener listener) {
        if (groups.isPresent()) {
            return settings.embedding() ? EmbeddingEngine.assign(items, groups.get())
                    : TikEngine.assign(items, groups.get(), settings, parallel, ctx::isCancelled);
        }
        Clustering c = settings.embedding() ? EmbeddingEngine.cluster(items, settings, ctx::isCancelled, listener)
                : TikEngine.cluster(items, settings, parallel, ctx::isCancelled, listener);
        return c.largestFirst();
    }

    private static ItemReader.Describer describer(EmbeddingModel model, DemoContext ctx) {
        return bgr -> new ItemReader.Described(model.embed(bgr, ctx::isCancelled), true);
    }

    /** The reference images of {@code assign_to}, read like the inputs; none readable fails the job. */
    private static ReferenceGroups references(DemoContext ctx, MediaReader reader, ClusteringSettings settings,
                                              Path staging, ItemReader.Describer describer, long values)
            throws Exception {
        JobFiles entry = settings.assignTo().orElseThrow();
        ItemReader.Read refs;
        try (JobPages pages = reader.pages(entry)) {
            refs = ItemReader.read(pages, staging.resolve("references"), describer, values,
                    (n, total, source) -> ctx.progress(0, 1, "reading reference " + n + " of " + total + ": " + source),
                    ctx.log());
        }
        if (refs.items().isEmpty()) {
            throw DemoFailure.badInput("assign_to " + entry.job() + "/" + entry.files() + " gave no reference image: "
                    + refs.failed().stream().map(FailedPage::reason).limit(3).collect(Collectors.joining("; ")));
        }
        return ReferenceGroups.of(refs.items(), entry, settings.groupsByFolder());
    }

    private static String noImages(ItemReader.Read read) {
        if (!read.failed().isEmpty()) {
            return "no image could be read: " + read.failed().stream().map(f -> f.source() + ": " + f.reason()).limit(5)
                    .collect(Collectors.joining("; "));
        }
        String skipped = read.warnings().isEmpty() ? ""
                : " (" + read.warnings().stream().limit(5).collect(Collectors.joining("; ")) + ")";
        return "the inputs hold no images to cluster" + skipped + ": send images, a ZIP of images, a PDF, URLs or an"
                + " earlier job's image outputs";
    }

    private static ModelRef modelRef(ClusteringSettings settings) {
        return ModelRef.forJob(NAME, settings.model());
    }

    /**
     * The job's result.
     *
     * @param clusterSizes members per cluster, cluster 0 first
     * @param loss         the last value of the loss curve, when there is one
     */
    public record Result(String engine, int images, int clusters, List<Integer> clusterSizes, int iterations,
                         boolean converged, Optional<Double> loss, String report, String page, List<FailedPage> failedPages,
                         List<String> warnings) {
        static Result of(ClustersReport r) {
            return new Result(r.engine(), r.items(), r.nClusters(), r.clusters().stream().map(ClustersReport.Cluster::size)
                    .toList(), r.iterations(), r.converged(),
                    r.loss().isEmpty() ? Optional.empty() : Optional.of(r.loss().get(r.loss().size() - 1)),
                    ClusterWriter.JSON, ClusterWriter.HTML, r.failedPages(), r.warnings());
        }
    }
}
