package dev.ferry.demos.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The local-features engine on pictures with known copies: each original must find its own
 * copy first among the copies of the others and distractors, under the right transposition.
 */
class LocalFeaturesEngineTest {
    private static final int SIDE = 320;

    @Test
    void findsTheCopyOfEachEngravingAndPhotoUnderItsTransposition() {
        List<Mat> originals = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            originals.add(CopiedPictures.engraving(100 + i, SIDE));
            // Photos 10 and on are the distractors' only: two crops of one photo may truly overlap.
            originals.add(i < 10 ? CopiedPictures.photo(i, 200 + i, SIDE) : CopiedPictures.engraving(150 + i, SIDE));
        }
        List<Transposition> applied = new ArrayList<>();
        try (LocalFeaturesEngine engine = new LocalFeaturesEngine(EnumSet.allOf(Transposition.class))) {
            for (Mat original : originals) {
                engine.add(original);
            }
            for (int i = 0; i < originals.size(); i++) {
                Transposition t = Transposition.ALL.get(i % Transposition.ALL.size());
                applied.add(t);
                add(engine, CopiedPictures.copy(originals.get(i), t, 300 + i));
            }
            for (int i = 0; i < 6; i++) {
                add(engine, CopiedPictures.engraving(400 + i, SIDE));
                add(engine, CopiedPictures.photo(10 + i % 4, 500 + i, SIDE));
            }
            int n = originals.size();
            int right = 0;
            int rightTurn = 0;
            long start = System.nanoTime();
            for (int q = 0; q < n; q++) {
                List<Candidate> top = engine.rank(q, j -> j >= n, 1, 0);
                Optional<Candidate> first = top.stream().findFirst();
                if (first.isPresent() && first.get().image() == n + q) {
                    right++;
                    rightTurn += first.get().transposition() == applied.get(q) ? 1 : 0;
                } else {
                    System.out.println("query " + q + " (" + applied.get(q) + "): " + top);
                }
            }
            double perPair = (System.nanoTime() - start) / 1e6 / (n * (engine.size() - n));
            System.out.printf("top-1 %d of %d, transposition %d, %.2f ms a pair%n", right, n, rightTurn, perPair);
            assertTrue(right >= Math.ceil(0.95 * n), "top-1 " + right + " of " + n);
            assertEquals(right, rightTurn, "the transposition of every copy found");
        } finally {
            originals.forEach(Mat::close);
        }
    }

    private static void add(LocalFeaturesEngine engine, Mat image) {
        try (image) {
            engine.add(image);
        }
    }
}
