package dev.ferry.demos.clustering;

import dev.ferry.demos.media.ImageDecoder;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * {@code ferry bench clustering}: transformation-invariant k-means on drawn shapes (ten
 * classes, each copy shifted, turned by any angle and scaled), decoded from PNG and brought to
 * the common size as the demo does, then clustered for a fixed number of iterations (no early
 * stop), timing the seeding and every iteration. Purity against the drawn classes is reported
 * as a check that the time bought a right answer.
 */
public final class ClusteringBenchmark {
    private ClusteringBenchmark() {}

    /** What to run. */
    public record Setup(int images, int clusters, int iterations, int size, String transformation, int threads, long seed) {
        public static final Setup DEFAULT = new Setup(1000, 10, 20, 64, "similarity",
                Runtime.getRuntime().availableProcessors(), 0);
    }

    /**
     * @param secondsPerIteration wall time of each iteration, seeding excluded
     * @param loadBefore          the machine's one-minute load average before the run (−1 when unknown)
     */
    public record Report(Setup setup, double decodeSeconds, double seedSeconds, List<Double> secondsPerIteration,
                         double totalSeconds, double purity, double loss, double loadBefore, double loadAfter) {
        public String format() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "clustering/tik %s: %d images of %dx%d, k = %d, %d iterations, %d threads: %.1f s%n",
                    setup.transformation(), setup.images(), setup.size(), setup.size(), setup.clusters(),
                    setup.iterations(), setup.threads(), totalSeconds));
            double mean = secondsPerIteration.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double min = secondsPerIteration.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = secondsPerIteration.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            s.append(String.format(Locale.ROOT, "  per iteration %.2f s (min %.2f, max %.2f)%n", mean, min, max));
            s.append(String.format(Locale.ROOT, "  seeding (k-means++) %.2f s; decoding and resizing %.2f s (not counted)%n",
                    seedSeconds, decodeSeconds));
            s.append(String.format(Locale.ROOT, "  purity %.3f, final loss %.3g%n", purity, loss));
            s.append(String.format(Locale.ROOT, "  load average %.2f before, %.2f after, %d cores%n", loadBefore, loadAfter,
                    Runtime.getRuntime().availableProcessors()));
            return s.toString();
        }
    }

    public static Report run(Setup setup) {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<ShapeSet.Sample> samples = ShapeSet.generate(ShapeSet.NAMES.size(),
                (setup.images() + ShapeSet.NAMES.size() - 1) / ShapeSet.NAMES.size(), setup.size(), ShapeSet.Variation.STRONG,
                setup.seed()).subList(0, setup.images());
        List<byte[]> pngs = samples.stream().map(s -> ShapeSet.png(s.image())).toList();
        long start = System.nanoTime();
        ImageDecoder decoder = new ImageDecoder(100_000_000);
        List<float[]> inks = new ArrayList<>();
        for (byte[] png : pngs) {
            try (Mat bgr = decoder.decode(png)) {
                inks.add(Canvas.of(bgr, setup.size()).ink());
            }
        }
        double decode = (System.nanoTime() - start) / 1e9;
        Aligner aligner = new Aligner(Transformation.of(setup.transformation()), setup.size(), 0.2 * setup.size());
        List<Double> perIteration = new ArrayList<>();
        double[] seed = new double[1];
        long[] last = {System.nanoTime()};
        long clusteringStart = last[0];
        TikMeans.Result result;
        try (Parallel parallel = new Parallel(setup.threads())) {
            List<Aligner.Item> items = inks.stream().map(aligner::item).toList();
            result = new TikMeans(aligner, items, parallel, () -> false).run(
                    new TikMeans.Options(setup.clusters(), setup.iterations(), setup.seed(), false),
                    (done, total, loss, moved) -> {
                        long now = System.nanoTime();
                        if (done == 0) {
                            seed[0] = (now - last[0]) / 1e9;
                        } else {
                            perIteration.add((now - last[0]) / 1e9);
                        }
                        last[0] = now;
                    });
        }
        double total = (System.nanoTime() - clusteringStart) / 1e9;
        int[] clusters = result.alignments().stream().mapToInt(Aligner.Alignment::prototype).toArray();
        return new Report(setup, decode, seed[0], perIteration, total, purity(samples, clusters, setup.clusters()),
                result.loss().get(result.loss().size() - 1), loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Share of items in their cluster's most common class. */
    static double purity(List<ShapeSet.Sample> samples, int[] clusters, int k) {
        int[][] counts = new int[k][ShapeSet.NAMES.size()];
        for (int i = 0; i < samples.size(); i++) {
            counts[clusters[i]][samples.get(i).shapeClass()]++;
        }
        int pure = 0;
        for (int[] row : counts) {
            int max = 0;
            for (int v : row) {
                max = Math.max(max, v);
            }
            pure += max;
        }
        return (double) pure / samples.size();
    }
}
