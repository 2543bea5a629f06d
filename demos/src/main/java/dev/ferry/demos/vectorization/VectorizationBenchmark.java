package dev.ferry.demos.vectorization;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.MediaReader;
import dev.ferry.demos.media.PageLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ferry bench vectorization}: the OpenCV engine over rendered {@link Diagrams} of
 * 2,000 × 2,000 pixels (JPEG files, as scans arrive) through the demo's own page pipeline
 * (the media reader, decoding ahead, writing SVG, JSON and overlay behind), reporting
 * diagrams per second, where the time goes, and how many of the drawn shapes were found.
 * One extra diagram warms up first and is not counted.
 */
public final class VectorizationBenchmark {
    public static final int SIZE = 2000;
    private static final double MATCH_PX = 3;
    private static final Map<Stage, String> STAGES = Map.of(
            Stage.DECODE, "decode", Stage.PREPROCESS, "binarise+thin", Stage.INFERENCE, "trace+split",
            Stage.POSTPROCESS, "assemble", Stage.OUTPUT, "write");

    private VectorizationBenchmark() {}

    /**
     * @param msPerDiagram time per diagram and stage (decoding and writing run on two other threads)
     * @param score        the primitives found against those drawn, matched at 3 px
     */
    public record Report(int diagrams, int size, double seconds, double diagramsPerSecond, Map<String, Double> msPerDiagram,
                         PrimitiveMatcher.Score score) {
        public String format() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "vectorization/opencv: %d diagrams of %dx%d in %.2f s = %.2f diagrams/s%n", diagrams, size, size,
                    seconds, diagramsPerSecond));
            msPerDiagram.forEach((stage, ms) -> s.append(String.format(Locale.ROOT, "  %-14s %8.1f ms/diagram%n",
                    stage, ms)));
            s.append("  (diagrams are decoded and their files written on two other threads while one is vectorized)\n");
            s.append(String.format(Locale.ROOT, "  primitives at %.0f px: %s%n", MATCH_PX, score));
            return s.toString();
        }
    }

    /** Diagrams of 2,000 × 2,000 pixels, read with the media limits of {@code config}. */
    public static Report run(FerryConfig config, int diagrams) throws Exception {
        return run(config, diagrams, SIZE);
    }

    /** @param size the diagrams' width and height in pixels */
    public static Report run(FerryConfig config, int diagrams, int size) throws Exception {
        return run(MediaReader.of(config), diagrams, size);
    }

    static Report run(MediaReader reader, int diagrams, int size) throws Exception {
        Path work = Files.createTempDirectory("ferry-bench-vectorization-");
        try {
            List<Path> files = new ArrayList<>();
            List<Diagrams.Diagram> drawn = new ArrayList<>();
            for (int i = 0; i <= diagrams; i++) {
                Diagrams.Diagram d = Diagrams.draw(size, size, i);
                drawn.add(d);
                files.add(Files.write(work.resolve(String.format(Locale.ROOT, "%03d-diagram-%d.jpg", i, i)), d.jpeg()));
            }
            Path out = Files.createDirectories(work.resolve("outputs"));
            Vectorizer engine = new StrokeVectorizer(TraceOptions.DEFAULTS);
            runPages(reader, files.subList(0, 1), engine, out, new StageClock());
            StageClock clock = new StageClock();
            long start = System.nanoTime();
            List<List<Primitive>> found = runPages(reader, files.subList(1, files.size()), engine, out, clock);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> perDiagram = new LinkedHashMap<>();
            for (Stage stage : Stage.values()) {
                perDiagram.put(STAGES.get(stage), clock.nanos(stage) / 1e6 / diagrams);
            }
            PrimitiveMatcher.Score score = new PrimitiveMatcher.Score(0, 0, 0);
            for (int i = 0; i < diagrams; i++) {
                for (Class<? extends Primitive> kind : List.of(Line.class, Circle.class, Arc.class)) {
                    score = score.plus(PrimitiveMatcher.score(drawn.get(i + 1).truth(), found.get(i), kind, MATCH_PX));
                }
            }
            return new Report(diagrams, size, seconds, diagrams / seconds, perDiagram, score);
        } finally {
            DataFolder.deleteTree(work);
        }
    }

    /** As the demo runs a job's pages; a page that cannot be read fails the benchmark. */
    private static List<List<Primitive>> runPages(MediaReader reader, List<Path> files, Vectorizer engine, Path out,
                                                  StageClock clock) throws Exception {
        List<List<Primitive>> found = new ArrayList<>();
        List<PageVectors> pages;
        try (JobPages inputs = reader.pages(files);
             VectorizationWriter writer = new VectorizationWriter(out, true, clock)) {
            VectorizationPipeline pipeline = new VectorizationPipeline(engine, CropBoxes.NONE, writer, clock, w -> { });
            pages = PageLoop.runAll(inputs, clock, (number, page) -> pipeline.process(number, page, () -> false));
            writer.finish();
        }
        // read back from the files written, as a client would
        for (PageVectors p : pages) {
            List<Primitive> primitives = new ArrayList<>();
            for (JsonNode node : Json.MAPPER.readTree(out.resolve(p.json()).toFile()).get("primitives")) {
                primitives.add(Json.MAPPER.treeToValue(node, Primitive.class));
            }
            found.add(primitives);
        }
        return found;
    }
}
