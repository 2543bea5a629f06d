package dev.ferry.demos.vectorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.demos.inference.StageClock;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** The OpenCV engine on the pages that are not diagrams: blank, tiny, noise only. */
class StrokeVectorizerTest {
    private final StrokeVectorizer engine = new StrokeVectorizer(TraceOptions.DEFAULTS);

    @Test
    void blankAndTinyPagesHoldNothing() {
        for (int[] size : new int[][] {{640, 480}, {2, 2}, {1, 7}}) {
            try (Mat paper = new Mat(size[1], size[0], opencv_core.CV_8UC3, new Scalar(235, 235, 235, 0))) {
                Vectorizer.Result r = engine.vectorize(paper, new StageClock(), () -> false);
                assertEquals(List.of(), r.primitives(), size[0] + "x" + size[1]);
            }
        }
    }

    @Test
    void grainAndShadingAloneAreNotStrokes() {
        Diagrams.Diagram empty = Diagrams.render(800, 600, List.of(), 2.5, 4);
        try (Mat page = VectorizationQualityTest.decode(empty.png())) {
            assertTrue(engine.vectorize(page, new StageClock(), () -> false).primitives().isEmpty());
        }
    }

    @Test
    void aCancelledJobStopsInsideAPage() {
        try (Mat page = VectorizationQualityTest.decode(Diagrams.draw(400, 300, 2).png())) {
            assertThrows(JobCancelledException.class, () -> engine.vectorize(page, new StageClock(), () -> true));
        }
    }
}
