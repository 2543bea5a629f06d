package dev.ferry.demos.vectorization;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.demos.inference.StageClock;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The OpenCV engine with its default settings against diagrams with known geometry
 * ({@link Diagrams}: uneven paper, a stain, blur, grain noise; lines, circles and arcs crossing
 * each other), scored with {@link PrimitiveMatcher} at 3 px: a line matches when both its ends
 * are within 3 px, a circle when its centre and radius are, an arc when its start, middle and
 * end points are. Precision and recall must reach 0.9 for each kind of primitive.
 */
class VectorizationQualityTest {
    private static final double TOLERANCE = 3;
    private static final long SEED = 20240501L;
    /** Stroke widths of the diagrams: thin pen, the usual, a broad nib. */
    private static final double[] STROKES = {1.3, 2.5, 2.5, 2.5, 2.5, 4};

    @Test
    void findsTheDrawnLinesCirclesAndArcs() {
        PrimitiveMatcher.Score lines = new PrimitiveMatcher.Score(0, 0, 0);
        PrimitiveMatcher.Score circles = lines;
        PrimitiveMatcher.Score arcs = lines;
        StrokeVectorizer engine = new StrokeVectorizer(TraceOptions.DEFAULTS);
        StringBuilder misses = new StringBuilder();
        for (int i = 0; i < STROKES.length; i++) {
            Diagrams.Diagram d = Diagrams.draw(900, 700, SEED + i, 11, 4, 4, STROKES[i]);
            List<Primitive> found;
            try (Mat image = decode(d.png())) {
                found = engine.vectorize(image, new StageClock(), () -> false).primitives();
            }
            PrimitiveMatcher.Score l = PrimitiveMatcher.score(d.truth(), found, Line.class, TOLERANCE);
            PrimitiveMatcher.Score c = PrimitiveMatcher.score(d.truth(), found, Circle.class, TOLERANCE);
            PrimitiveMatcher.Score a = PrimitiveMatcher.score(d.truth(), found, Arc.class, TOLERANCE);
            misses.append(String.format(java.util.Locale.ROOT, "diagram %d (stroke %.1f): lines %s; circles %s; arcs %s%n",
                    i, STROKES[i], l, c, a));
            lines = lines.plus(l);
            circles = circles.plus(c);
            arcs = arcs.plus(a);
        }
        String report = misses + "lines " + lines + "\ncircles " + circles + "\narcs " + arcs;
        for (PrimitiveMatcher.Score kind : List.of(lines, circles, arcs)) {
            assertTrue(kind.precision() >= 0.9 && kind.recall() >= 0.9, report);
        }
        assertTrue(lines.drawn() >= 60 && circles.drawn() >= 20 && arcs.drawn() >= 20, report);
    }

    static Mat decode(byte[] encoded) {
        try (Mat buffer = new Mat(new BytePointer(encoded))) {
            return opencv_imgcodecs.imdecode(buffer, opencv_imgcodecs.IMREAD_COLOR);
        }
    }
}
