package dev.ferry.demos.sorting;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.detection.Box;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.detection.Detection;
import dev.ferry.demos.detection.YoloDetector;
import dev.ferry.demos.inference.EmbeddingModel;
import dev.ferry.demos.inference.StageClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The items and containers on one photo: detected, placed in the arm's terms, and each item's
 * crop embedded while the photo is in memory, so no photo is decoded twice.
 */
final class SightingFinder {
    private final YoloDetector detector;
    private final DetectOptions options;
    private final EmbeddingModel embedder;
    private final ArmConstants arm;
    private final StageClock clock;

    SightingFinder(YoloDetector detector, DetectOptions options, EmbeddingModel embedder, ArmConstants arm, StageClock clock) {
        this.detector = detector;
        this.options = options;
        this.embedder = embedder;
        this.arm = arm;
        this.clock = clock;
    }

    /** @param image the photo, 8-bit BGR; other labels than item and container are ignored */
    List<Sighting> find(int pulseWidth, Mat image, BooleanSupplier cancelled) throws OrtException {
        List<Sighting> found = new ArrayList<>();
        for (Detection d : detector.detect(image, options, clock, cancelled)) {
            Optional<Sighting.Kind> kind = kindOf(d.label());
            if (kind.isEmpty()) {
                continue;
            }
            Box box = d.box();
            ArmPosition position = PolarConversion.toArm((box.x1() + box.x2()) / 2, (box.y1() + box.y2()) / 2,
                    image.cols(), image.rows(), pulseWidth, arm);
            Optional<float[]> features = kind.get() == Sighting.Kind.ITEM ? Optional.of(embed(image, box, cancelled))
                    : Optional.empty();
            found.add(new Sighting(pulseWidth, kind.get(), d.score(), box, position, features));
        }
        return found;
    }

    static Optional<Sighting.Kind> kindOf(String label) {
        for (Sighting.Kind kind : Sighting.Kind.values()) {
            if (kind.label().equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private float[] embed(Mat image, Box box, BooleanSupplier cancelled) throws OrtException {
        int x = (int) Math.floor(box.x1());
        int y = (int) Math.floor(box.y1());
        int w = Math.max(1, Math.min(image.cols() - x, (int) Math.ceil(box.x2()) - x));
        int h = Math.max(1, Math.min(image.rows() - y, (int) Math.ceil(box.y2()) - y));
        try (Rect where = new Rect(x, y, w, h); Mat crop = new Mat(image, where)) {
            return embedder.embed(crop, cancelled);
        }
    }
}
