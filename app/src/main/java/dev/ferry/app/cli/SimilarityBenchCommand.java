package dev.ferry.app.cli;

import dev.ferry.demos.matching.embedding.SimilarityBenchmark;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "similarity", mixinStandardHelpOptions = true,
        description = {"How the similarity demo's time grows with the number of images: the embedding engine's"
            + " embedding, index build and all-against-all top-k search, exact and through HNSW, with HNSW's recall"
            + " against exact; the local-features engine's description and verification of every pair on line"
            + " drawings with planted copies, with the share of copies found. Needs no model (a pooled-grid extractor"
            + " written on the fly)."})
public final class SimilarityBenchCommand implements Callable<Integer> {
    @Option(names = "--images", split = ",", defaultValue = "100,1000,5000",
            description = "Numbers of images, comma-separated (default ${DEFAULT-VALUE}).")
    List<Integer> images;

    @Option(names = "--topk", defaultValue = "20", description = "Neighbours per image (default ${DEFAULT-VALUE}).")
    int topk;

    @Option(names = "--dimension", defaultValue = "0",
            description = "Random unit vectors of this length instead of images through the extractor (default: images).")
    int dimension;

    /** Embedding by default: the local engine's time grows with the pairs, hours at the default 5,000 images. */
    @Option(names = "--engine", defaultValue = "embedding",
            description = "local, embedding or both (default ${DEFAULT-VALUE}; local verifies every pair: use small --images).")
    String engine;

    @Override
    public Integer call() throws Exception {
        if (topk < 1 || dimension < 0 || images.stream().anyMatch(n -> n < 2)) {
            throw new IllegalArgumentException("--topk must be at least 1, --dimension at least 0, each --images at least 2");
        }
        SimilarityBenchmark.Engines engines = switch (engine) {
            case "local" -> SimilarityBenchmark.Engines.LOCAL;
            case "embedding" -> SimilarityBenchmark.Engines.EMBEDDING;
            case "both" -> SimilarityBenchmark.Engines.BOTH;
            default -> throw new IllegalArgumentException("--engine is local, embedding or both, not " + engine);
        };
        System.out.print(SimilarityBenchmark.run(new SimilarityBenchmark.Setup(images, topk, dimension, 0, engines)).format());
        return 0;
    }
}
