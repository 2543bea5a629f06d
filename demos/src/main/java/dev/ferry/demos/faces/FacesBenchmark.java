package dev.ferry.demos.faces;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.ModelState;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.inference.CatalogEntry;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ferry bench faces}: the Haar cascade and every installed BlazeFace model over the
 * same {@link FidelitySet}, each with the faces demo's default settings, one warm-up photo
 * first.
 */
public final class FacesBenchmark {
    /** The faces demo's defaults for the cascade: scale_factor, min_neighbors, min_face_size, max_side. */
    static final double HAAR_SCALE = 1.1;
    static final int HAAR_NEIGHBOURS = 4;
    static final int MIN_FACE = 30;
    static final int HAAR_MAX_SIDE = 1600;

    private FacesBenchmark() {}

    /** With the models of {@code config}'s data folder. */
    public static List<FidelityScore> run(FerryConfig config, Path mediaFolder) throws IOException {
        try (DemoServices services = DemoServices.forWorker(config)) {
            return run(services.models(), services.inference(), mediaFolder);
        }
    }

    public static List<FidelityScore> run(ModelStore store, Inference inference, Path mediaFolder) throws IOException {
        List<TruthPhoto> set = FidelitySet.load(mediaFolder);
        try {
            List<FidelityScore> scores = new ArrayList<>();
            try (FaceDetector haar = withDefaults(Optional.empty())) {
                scores.add(warmAndMeasure(haar, set));
            }
            for (CatalogEntry entry : store.catalog().forDemo(FacesDemo.NAME)) {
                if (entry.contract().task().equals(BlazeFaceDetector.TASK)
                        && store.status(entry.ref()).state() == ModelState.PRESENT) {
                    try (ModelLease lease = inference.acquire(store.require(entry.ref()));
                         FaceDetector detector = withDefaults(Optional.of(lease))) {
                        scores.add(warmAndMeasure(detector, set));
                    }
                }
            }
            return scores;
        } finally {
            set.forEach(TruthPhoto::close);
        }
    }

    /** BlazeFace on {@code model}, or without one the Haar cascade, with the faces demo's default settings. */
    static FaceDetector withDefaults(Optional<ModelLease> model) {
        return model.<FaceDetector>map(lease -> new BlazeFaceDetector(lease, MIN_FACE, () -> false))
                .orElseGet(() -> new HaarFaceDetector(HAAR_SCALE, HAAR_NEIGHBOURS, MIN_FACE, HAAR_MAX_SIDE));
    }

    private static FidelityScore warmAndMeasure(FaceDetector detector, List<TruthPhoto> set) {
        detector.detect(set.get(0).image());
        return FidelityScore.measure(detector, set);
    }

    /** The table docs/benchmarks.md shows. */
    public static String format(List<FidelityScore> scores) {
        StringBuilder s = new StringBuilder();
        FidelityScore first = scores.get(0);
        s.append(String.format(Locale.ROOT, "faces fidelity set: %d photos, %d faces%n", first.photos(), first.faces()));
        s.append(String.format(Locale.ROOT, "| %-24s | %11s | %15s | %15s | %8s | %8s |%n", "detector", "faces found",
                "within 15 %", "false positives", "mean IoU", "ms/photo"));
        s.append("|--------------------------|-------------|-----------------|-----------------|----------|----------|\n");
        for (FidelityScore r : scores) {
            s.append(String.format(Locale.ROOT, "| %-24s | %5d / %-3d | %7d / %-5d | %6d (%d faceless) | %8.3f | %8.1f |%n",
                    r.detector(), r.found(), r.faces(), r.agreeing(), r.found(), r.falsePositives(), r.onFaceless(),
                    r.meanIou(), r.msPerPhoto()));
        }
        for (FidelityScore r : scores) {
            if (!r.missed().isEmpty()) {
                s.append(r.detector()).append(" missed ").append(String.join(", ", r.missed())).append('\n');
            }
            if (!r.disagreeing().isEmpty()) {
                s.append(r.detector()).append(" beyond 15 % on ").append(String.join(", ", r.disagreeing())).append('\n');
            }
        }
        return s.toString();
    }
}
