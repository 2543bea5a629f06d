package dev.ferry.demos.watermarks;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.detection.Box;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.detection.Detection;
import dev.ferry.demos.detection.SquareBoxes;
import dev.ferry.demos.detection.YoloDetector;
import dev.ferry.demos.inference.StageClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Cuts the queries out of a photo of paper, as discover-api does: each {@code watermark} box
 * the detector finds, best first, squared around its centre at 1.2 times its longer side; a box
 * scoring under {@code min_detection_score} is no query, except the photo's best. The square is
 * moved to stay inside the photo, and shrunk to the photo's shorter side when larger, never
 * padded: padding would add edges that are not on the paper. Without a detector, or when it
 * finds no watermark, the whole photo is the query.
 */
final class QueryCutter {
    static final String LABEL = "watermark";
    /** Each edge of the square grows by a tenth of the box's longer side: 1.2 times it in all. */
    static final double MARGIN = 0.1;
    static final double[] WHOLE = {0, 0, 1, 1};

    private final Optional<YoloDetector> detector;
    private final DetectOptions options;
    private final double minScore;
    private final PaperContrast contrast;

    QueryCutter(Optional<YoloDetector> detector, DetectOptions options, double minScore, PaperContrast contrast) {
        this.detector = detector;
        this.options = options;
        this.minScore = minScore;
        this.contrast = contrast;
    }

    PhotoQueries cut(Mat photo, BooleanSupplier cancelled) throws OrtException {
        if (detector.isEmpty()) {
            return new PhotoQueries(false, List.of(), List.of(), List.of(whole(photo)));
        }
        List<Detection> marks = detector.get().detect(photo, options, new StageClock(), cancelled).stream()
                .filter(d -> d.label().equals(LABEL))
                .sorted(Comparator.comparingDouble(Detection::score).reversed())
                .toList();
        List<double[]> boxes = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<PhotoQueries.Query> queries = new ArrayList<>();
        for (Detection d : marks) {
            boxes.add(relative(d.box(), photo));
            scores.add(Math.round(d.score() * 10_000) / 10_000.0);
            if (queries.isEmpty() || d.score() >= minScore) {
                queries.add(square(photo, d.box()));
            }
        }
        if (queries.isEmpty()) {
            queries.add(whole(photo));
        }
        return new PhotoQueries(true, boxes, scores, queries);
    }

    private PhotoQueries.Query whole(Mat photo) {
        return new PhotoQueries.Query(WHOLE.clone(), contrast.apply(photo));
    }

    private PhotoQueries.Query square(Mat photo, Box box) {
        Box s = SquareBoxes.square(box, MARGIN, photo.cols(), photo.rows());
        int x = (int) Math.floor(s.x1());
        int y = (int) Math.floor(s.y1());
        int w = Math.max(1, Math.min(photo.cols() - x, (int) Math.round(s.width())));
        int h = Math.max(1, Math.min(photo.rows() - y, (int) Math.round(s.height())));
        try (Rect where = new Rect(x, y, w, h); Mat region = new Mat(photo, where)) {
            return new PhotoQueries.Query(relative(new Box(x, y, x + w, y + h), photo), contrast.apply(region));
        }
    }

    private static double[] relative(Box b, Mat photo) {
        return new double[] {round(b.x1() / photo.cols()), round(b.y1() / photo.rows()), round(b.x2() / photo.cols()),
                round(b.y2() / photo.rows())};
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }
}
