package dev.ferry.app.cli;

import dev.ferry.demos.clustering.ClusteringBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "clustering", mixinStandardHelpOptions = true,
        description = {"Transformation-invariant k-means of the clustering demo on drawn shapes (ten classes, shifted,"
            + " turned and scaled at random): time per iteration and in all. Needs no model."})
public final class ClusteringBenchCommand implements Callable<Integer> {
    @Option(names = "--images", defaultValue = "1000", description = "Images to cluster (default ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--clusters", defaultValue = "10", description = "k (default ${DEFAULT-VALUE}).")
    int clusters;

    @Option(names = "--iterations", defaultValue = "20", description = "Iterations, all run (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--size", defaultValue = "64", description = "Image side in pixels (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--transformation", defaultValue = "similarity",
            description = "identity, translation, similarity or affine (default ${DEFAULT-VALUE}).")
    String transformation;

    @Option(names = "--threads", description = "Threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() {
        if (images < 1 || clusters < 1 || iterations < 1 || size < 16) {
            throw new IllegalArgumentException("--images, --clusters and --iterations must be at least 1, --size at least 16");
        }
        if (!java.util.List.of("identity", "translation", "similarity", "affine").contains(transformation)) {
            throw new IllegalArgumentException("--transformation must be identity, translation, similarity or affine");
        }
        ClusteringBenchmark.Setup setup = new ClusteringBenchmark.Setup(images, clusters, iterations, size, transformation,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads, 0);
        System.out.print(ClusteringBenchmark.run(setup).format());
        return 0;
    }
}
