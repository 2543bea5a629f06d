package dev.ferry.demos.matching;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffinePartial2D;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.NORM_L2;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.DMatchVector;
import org.bytedeco.opencv.opencv_core.DMatchVectorVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;

/**
 * Tells whether a query image is a copy of a candidate, and under which transposition: SIFT
 * matches that pass Lowe's ratio test, then a RANSAC fit of a similarity transform (shift,
 * turn, uniform scale) from the query's points to the candidate's. The inliers of that fit
 * are the verified matches. A similarity transform, not a homography: copies of a picture
 * are turned and scaled, not seen in perspective, and four degrees of freedom are found from
 * fewer true matches and fit chance matches less well. SIFT does not care about turns, so the
 * quarter turn is read from the fitted angle; a mirror needs the mirrored descriptors.
 * Not thread-safe.
 */
final class PairVerifier implements AutoCloseable {
    /** Lowe's ratio: the best match must be clearly better than the second best. */
    static final float RATIO = 0.75f;
    /** Fewer inliers than this and the pair is chance, even among line drawings of one style. */
    static final int MIN_INLIERS = 12;
    /** The inlier count where the score reaches 0.5. */
    static final double HALF_SCORE_INLIERS = 20;
    /** RANSAC's tolerance, in pixels of the working frame ({@link FeatureExtractor#WORK_SIDE}). */
    private static final double TOLERANCE = 5;
    /** A fitted turn within 45° of a transposition's is that transposition. */
    private static final double SAME_TURN = Math.cos(Math.toRadians(45));
    private static final double MAX_SCALE_CHANGE = 8;

    private final BFMatcher matcher = BFMatcher.create(NORM_L2, false);
    private final Set<Transposition> allowed;

    /** @param allowed the transpositions a copy may have undergone */
    PairVerifier(Set<Transposition> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** The score of a verified pair with {@code inliers} inliers: {@code n / (n + 20)}, 0.5 at 20, towards 1 with more. */
    static double score(int inliers) {
        return inliers / (inliers + HALF_SCORE_INLIERS);
    }

    /** The pair verified, the candidate numbered {@code image}; empty when it is not a copy under an allowed transposition. */
    Optional<Candidate> verify(ImageFeatures query, ImageFeatures candidate, int image) {
        Optional<Candidate> best = Optional.empty();
        if (allowed.stream().anyMatch(t -> !t.mirrors())) {
            best = fit(query, query.plain(), false, candidate, image);
        }
        if (query.mirrored().isPresent() && allowed.stream().anyMatch(Transposition::mirrors)) {
            Optional<Candidate> mirrored = fit(query, query.mirrored().get(), true, candidate, image);
            if (mirrored.isPresent() && (best.isEmpty() || mirrored.get().score() > best.get().score())) {
                best = mirrored;
            }
        }
        return best;
    }

    private Optional<Candidate> fit(ImageFeatures query, KeypointSet from, boolean mirrored, ImageFeatures candidate,
                                    int image) {
        KeypointSet to = candidate.plain();
        int[][] matches = ratioMatches(from, to);
        if (matches.length < MIN_INLIERS) {
            return Optional.empty();
        }
        try (Mat src = points(from, matches, 0); Mat dst = points(to, matches, 1); Mat mask = new Mat();
             Mat transform = estimateAffinePartial2D(src, dst, mask, RANSAC, TOLERANCE, 2000, 0.995, 10)) {
            if (transform.empty()) {
                return Optional.empty();
            }
            List<PointPair> inliers = inliers(query, from, mirrored, candidate, matches, mask);
            Optional<Transposition> turn = transposition(transform, mirrored);
            if (inliers.size() < MIN_INLIERS || turn.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Candidate(image, score(inliers.size()), turn.get(), inliers));
        }
    }

    /** Index pairs (query point, candidate point) that pass the ratio test. */
    private int[][] ratioMatches(KeypointSet from, KeypointSet to) {
        if (from.size() < 2 || to.size() < 2) {
            return new int[0][];
        }
        List<int[]> kept = new ArrayList<>();
        try (DMatchVectorVector knn = new DMatchVectorVector()) {
            matcher.knnMatch(from.descriptors(), to.descriptors(), knn, 2);
            for (long i = 0; i < knn.size(); i++) {
                DMatchVector two = knn.get(i);
                if (two.size() == 2 && two.get(0).distance() < RATIO * two.get(1).distance()) {
                    kept.add(new int[] {two.get(0).queryIdx(), two.get(0).trainIdx()});
                }
            }
        }
        return kept.toArray(int[][]::new);
    }

    private static Mat points(KeypointSet set, int[][] matches, int side) {
        Mat points = new Mat(matches.length, 1, CV_32FC2);
        try (FloatIndexer at = points.createIndexer()) {
            for (int i = 0; i < matches.length; i++) {
                at.put(i, 0, 0, set.xy()[2 * matches[i][side]]);
                at.put(i, 0, 1, set.xy()[2 * matches[i][side] + 1]);
            }
        }
        return points;
    }

    /** The inlier matches in pixels of each image as read, the mirror undone. */
    private static List<PointPair> inliers(ImageFeatures query, KeypointSet from, boolean mirrored,
                                           ImageFeatures candidate, int[][] matches, Mat mask) {
        List<PointPair> inliers = new ArrayList<>();
        try (UByteIndexer in = mask.createIndexer()) {
            for (int i = 0; i < matches.length; i++) {
                if (in.get(i) == 0) {
                    continue;
                }
                float qx = from.xy()[2 * matches[i][0]];
                if (mirrored) {
                    qx = query.workWidth() - 1 - qx;
                }
                float qy = from.xy()[2 * matches[i][0] + 1];
                float[] c = {candidate.plain().xy()[2 * matches[i][1]], candidate.plain().xy()[2 * matches[i][1] + 1]};
                inliers.add(new PointPair((float) (qx / query.scale()), (float) (qy / query.scale()),
                        (float) (c[0] / candidate.scale()), (float) (c[1] / candidate.scale())));
            }
        }
        return inliers;
    }

    /**
     * The allowed transposition whose turn (and mirror) is nearest the fitted one, within
     * 45°; empty when the fit is none of them or scales beyond belief.
     */
    private Optional<Transposition> transposition(Mat transform, boolean mirrored) {
        double[] m = new double[4];
        try (DoubleIndexer at = transform.createIndexer()) {
            m[0] = at.get(0, 0);
            m[1] = at.get(0, 1);
            m[2] = at.get(1, 0);
            m[3] = at.get(1, 1);
        }
        double scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
        if (!(scale > 1 / MAX_SCALE_CHANGE && scale < MAX_SCALE_CHANGE)) {
            return Optional.empty();
        }
        // Points of the mirrored set are mirrored query points: the copy is the fit after the mirror.
        double[] turn = mirrored ? times(m, Transposition.HFLIP.linear()) : m;
        Transposition nearest = null;
        double closest = SAME_TURN;
        for (Transposition t : allowed) {
            if (t.mirrors() != mirrored) {
                continue;
            }
            double[] l = t.linear();
            double cos = (turn[0] * l[0] + turn[1] * l[1] + turn[2] * l[2] + turn[3] * l[3]) / (2 * scale);
            if (cos > closest) {
                closest = cos;
                nearest = t;
            }
        }
        return Optional.ofNullable(nearest);
    }

    private static double[] times(double[] a, double[] b) {
        return new double[] {a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
                a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3]};
    }

    @Override
    public void close() {
        matcher.close();
    }
}
