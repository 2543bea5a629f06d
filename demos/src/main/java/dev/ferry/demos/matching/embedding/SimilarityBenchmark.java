package dev.ferry.demos.matching.embedding;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.inference.EmbeddingModel;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.matching.LocalFeaturesBenchmark;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * {@code ferry bench similarity}: how the similarity demo's time grows with the number of
 * images. For the embedding engine, each size is embedded through {@link PooledGridGraph} (or
 * drawn as random unit vectors of a given dimension, the hardest case for HNSW), then indexed
 * and searched all against all for the top k, once exactly and once through HNSW, whose
 * recall@k against the exact answer is reported. For the local-features engine, each size is
 * drawn as line drawings with planted copies and verified all against all
 * ({@link LocalFeaturesBenchmark}); its recall is the share of the copies found in their top k.
 */
public final class SimilarityBenchmark {
    private SimilarityBenchmark() {}

    /** Which engines a run measures. */
    public enum Engines {
        LOCAL, EMBEDDING, BOTH;

        boolean local() {
            return this != EMBEDDING;
        }

        boolean embedding() {
            return this != LOCAL;
        }
    }

    /** @param dimension 0 for images through the pooled-grid extractor, else random unit vectors of this length */
    public record Setup(List<Integer> sizes, int k, int dimension, long seed, Engines engines) {}

    /** One engine at one size; times in seconds, {@code recall} −1 when not compared. */
    public record Row(int images, String engine, double embedSeconds, double buildSeconds, double searchSeconds,
                      double recall) {
        double total() {
            return embedSeconds + buildSeconds + searchSeconds;
        }
    }

    public record Report(Setup setup, List<Row> rows, double loadBefore, double loadAfter) {
        public String format() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "similarity: all against all, top %d", setup.k()));
            if (setup.engines().embedding()) {
                s.append(", vectors from ").append(setup.dimension() == 0
                        ? "images through the pooled-grid extractor (" + PooledGridGraph.DIMENSION + " values)"
                        : "random unit vectors of " + setup.dimension() + " values");
            }
            if (setup.engines().local()) {
                s.append(", local features on line drawings with planted copies");
            }
            s.append(String.format("%n| images | engine | embed or describe | index build | all-vs-all search | total | recall@"))
                    .append(setup.k())
                    .append(" |\n|---:|---|---:|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                s.append(String.format(Locale.ROOT, "| %d | %s | %.2f s | %.2f s | %.2f s | %.2f s | %s |%n", r.images(),
                        r.engine(), r.embedSeconds(), r.buildSeconds(), r.searchSeconds(), r.total(),
                        r.recall() < 0 ? "exact" : String.format(Locale.ROOT, "%.4f", r.recall())));
            }
            if (!setup.engines().local()) {
                for (int n : setup.sizes()) {
                    s.append(String.format(Locale.ROOT, "| %d | local features | not measured | | | | |%n", n));
                }
                s.append(String.format("(--engine local or both measures the local-features engine)%n"));
            }
            s.append(String.format(Locale.ROOT, "load average %.2f before, %.2f after, %d cores%n", loadBefore, loadAfter,
                    Runtime.getRuntime().availableProcessors()));
            return s.toString();
        }
    }

    public static Report run(Setup setup) throws Exception {
        double loadBefore = load();
        List<Row> rows = new ArrayList<>();
        if (setup.engines().embedding()) {
            rows.addAll(embedding(setup));
        }
        if (setup.engines().local()) {
            for (int n : setup.sizes()) {
                LocalFeaturesBenchmark.Measured m = LocalFeaturesBenchmark.measure(n, setup.k(), setup.seed());
                rows.add(new Row(n, "local features", m.describeSeconds(), 0, m.verifySeconds(), m.recall()));
            }
        }
        return new Report(setup, rows, loadBefore, load());
    }

    private static List<Row> embedding(Setup setup) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (GridExtractor extractor = setup.dimension() == 0 ? new GridExtractor() : null) {
            for (int n : setup.sizes()) {
                long start = System.nanoTime();
                float[][] vectors = extractor != null ? extractor.embed(n, setup.seed())
                        : UnitVectors.random(n, setup.dimension(), setup.seed());
                double embed = seconds(start);
                Timed exact = timed(ExactIndex::new, vectors, setup.k());
                Timed approximate = timed(ApproximateIndex::new, vectors, setup.k());
                rows.add(new Row(n, "embedding, exact", embed, exact.build, exact.search, -1));
                rows.add(new Row(n, "embedding, HNSW", embed, approximate.build, approximate.search,
                        recall(exact.answers, approximate.answers)));
            }
        }
        return rows;
    }

    private record Timed(double build, double search, List<List<Neighbour>> answers) {}

    /** Builds the index and asks every vector for its k nearest others. */
    private static Timed timed(Function<float[][], EmbeddingIndex> build, float[][] vectors, int k) {
        long start = System.nanoTime();
        EmbeddingIndex index = build.apply(vectors);
        double built = seconds(start);
        start = System.nanoTime();
        List<List<Neighbour>> answers = new ArrayList<>(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            int self = i;
            answers.add(index.search(vectors[i], k + 1).stream().filter(n -> n.id() != self).limit(k).toList());
        }
        return new Timed(built, seconds(start), answers);
    }

    private static double recall(List<List<Neighbour>> truth, List<List<Neighbour>> found) {
        long hits = 0;
        long asked = 0;
        for (int i = 0; i < truth.size(); i++) {
            Set<Integer> right = new HashSet<>(truth.get(i).stream().map(Neighbour::id).toList());
            hits += found.get(i).stream().filter(n -> right.contains(n.id())).count();
            asked += right.size();
        }
        return asked == 0 ? 1 : (double) hits / asked;
    }

    /**
     * {@link PooledGridGraph} installed in a scratch model store and loaded once, warmed up on one
     * image so that loading ONNX Runtime and OpenCV is not counted; embeds random colour fields
     * (a 6 × 6 grid of colours blended over 96 × 96 pixels).
     */
    private static final class GridExtractor implements AutoCloseable {
        private final Path dir = Files.createTempDirectory("ferry-bench-similarity-");
        private final Inference inference = new Inference(new InferenceSettings(1, "all", 2), InferenceDevice.CPU);
        private final ModelLease lease;
        private final ImageEmbedder embedder;

        GridExtractor() throws Exception {
            ModelStore store = new ModelStore(dir, ModelCatalog.builtIn());
            Path onnx = Files.write(dir.resolve("model.onnx"), PooledGridGraph.onnx());
            Path json = Files.write(dir.resolve("model.json"), Json.writeBytes(PooledGridGraph.contract()));
            store.install(new ModelRef("similarity", "pooled-grid"), onnx, json);
            lease = inference.acquire(store.require(new ModelRef("similarity", "pooled-grid")));
            embedder = new ImageEmbedder(new EmbeddingModel(lease), () -> false);
            embed(1, -1);
        }

        float[][] embed(int n, long seed) throws Exception {
            SplittableRandom random = new SplittableRandom(seed);
            float[][] vectors = new float[n][];
            for (int i = 0; i < n; i++) {
                try (Mat image = colourField(random)) {
                    vectors[i] = embedder.embed(image);
                }
            }
            return vectors;
        }

        @Override
        public void close() {
            lease.close();
            inference.close();
            DataFolder.deleteTree(dir);
        }
    }

    private static Mat colourField(SplittableRandom random) {
        byte[] colours = new byte[6 * 6 * 3];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = (byte) random.nextInt(256);
        }
        try (Mat small = new Mat(6, 6, opencv_core.CV_8UC3); Size size = new Size(96, 96)) {
            small.data().put(colours);
            Mat image = new Mat();
            opencv_imgproc.resize(small, image, size, 0, 0, opencv_imgproc.INTER_LINEAR);
            return image;
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
