package dev.ferry.demos.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The local-features engine at one size, as a job of all against all runs it: line drawings
 * of {@value #SIDE} pixels (the engine's working size, so each gives it its full 500
 * keypoints), every tenth a copy of the one before it turned by a quarter, described under
 * all six transpositions (the plain and the mirrored descriptors), then every image ranked
 * against every other for its top k, on one thread as the demo does. Drawing the images is not counted. Recall is the share
 * of the planted copies whose original is in their top k.
 */
public final class LocalFeaturesBenchmark {
    static final int SIDE = 512;
    private static final int COPY_EVERY = 10;

    /** Times in seconds; {@code pairs} the unordered pairs verified. */
    public record Measured(double describeSeconds, double verifySeconds, long pairs, double recall) {}

    private LocalFeaturesBenchmark() {}

    public static Measured measure(int images, int k, long seed) {
        List<Mat> drawn = draw(images, seed);
        try (LocalFeaturesEngine engine = new LocalFeaturesEngine(Set.copyOf(Transposition.ALL))) {
            long start = System.nanoTime();
            drawn.forEach(engine::add);
            double describe = seconds(start);
            start = System.nanoTime();
            List<List<Candidate>> ranked = new ArrayList<>(images);
            for (int q = 0; q < images; q++) {
                ranked.add(engine.rank(q, j -> true, k, 0));
            }
            return new Measured(describe, seconds(start), (long) images * (images - 1) / 2, recall(ranked));
        } finally {
            drawn.forEach(Mat::close);
        }
    }

    private static List<Mat> draw(int images, long seed) {
        List<Mat> drawn = new ArrayList<>(images);
        for (int i = 0; i < images; i++) {
            drawn.add(isCopy(i) ? Transposition.ROT90.apply(drawn.get(i - 1)) : LineDrawings.engraving(seed + i, SIDE));
        }
        return drawn;
    }

    private static boolean isCopy(int image) {
        return image % COPY_EVERY == COPY_EVERY - 1;
    }

    private static double recall(List<List<Candidate>> ranked) {
        int copies = 0;
        int found = 0;
        for (int i = 0; i < ranked.size(); i++) {
            if (isCopy(i)) {
                int original = i - 1;
                copies++;
                found += ranked.get(i).stream().anyMatch(c -> c.image() == original) ? 1 : 0;
            }
        }
        return copies == 0 ? 1 : (double) found / copies;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
