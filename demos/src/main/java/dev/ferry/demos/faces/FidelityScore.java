package dev.ferry.demos.faces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one detector did on the fidelity set. A found box is matched to a truth face when their
 * IoU is at least {@value #MATCH_IOU} (each box to one face, best pairs first); unmatched boxes
 * are false positives. A matched box <em>agrees within 15 %</em> when its centre is within 15 %
 * of the truth box's width and height of the truth's centre and its size (the square root of
 * its area) within 15 % of the truth's: a box convention, not an IoU threshold, because a square
 * detector box cannot reach a high IoU with a face box taller than wide (see docs/demos.md).
 *
 * @param faces           truth faces in the set
 * @param found           truth faces matched by a box
 * @param agreeing        matched boxes that agree within 15 %
 * @param falsePositives  boxes matching no face, on all photos
 * @param onFaceless      of those, boxes on photos without a face
 * @param meanIou         mean IoU of the matched boxes with their faces
 * @param msPerPhoto      mean detection time per photo
 * @param missed          the faces not found, as {@code photo#face}
 * @param disagreeing     the faces found whose box does not agree within 15 %, as {@code photo#face}
 */
public record FidelityScore(String detector, int photos, int faces, int found, int agreeing, int falsePositives,
                            int onFaceless, double meanIou, double msPerPhoto, List<String> missed,
                            List<String> disagreeing) {
    public static final double MATCH_IOU = 0.5;
    public static final double TOLERANCE = 0.15;

    /** Runs {@code detector} over every photo of {@code set} and scores it. */
    public static FidelityScore measure(FaceDetector detector, List<TruthPhoto> set) {
        Tally tally = new Tally();
        long nanos = 0;
        for (TruthPhoto photo : set) {
            long start = System.nanoTime();
            List<FaceDetection> found = detector.detect(photo.image());
            nanos += System.nanoTime() - start;
            tally.add(photo, found.stream().map(FaceDetection::box).toList());
        }
        double meanIou = tally.ious.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new FidelityScore(detector.name(), set.size(), tally.faces, tally.ious.size(), tally.agreeing,
                tally.falsePositives, tally.onFaceless, meanIou, nanos / 1e6 / Math.max(1, set.size()),
                List.copyOf(tally.missed), List.copyOf(tally.disagreeing));
    }

    /** Whether {@code box} agrees with {@code truth} within {@link #TOLERANCE} in position and size. */
    public static boolean agrees(FaceBox box, FaceBox truth) {
        double dx = Math.abs(box.x() + box.width() / 2.0 - truth.x() - truth.width() / 2.0) / truth.width();
        double dy = Math.abs(box.y() + box.height() / 2.0 - truth.y() - truth.height() / 2.0) / truth.height();
        double size = Math.sqrt((double) box.width() * box.height() / ((double) truth.width() * truth.height()));
        return dx <= TOLERANCE && dy <= TOLERANCE && Math.abs(size - 1) <= TOLERANCE;
    }

    private static final class Tally {
        int faces;
        int agreeing;
        int falsePositives;
        int onFaceless;
        final List<Double> ious = new ArrayList<>();
        final List<String> missed = new ArrayList<>();
        final List<String> disagreeing = new ArrayList<>();

        void add(TruthPhoto photo, List<FaceBox> found) {
            List<FaceBox> truth = photo.faces();
            faces += truth.size();
            boolean[] truthUsed = new boolean[truth.size()];
            boolean[] foundUsed = new boolean[found.size()];
            for (int[] pair : pairsByIou(truth, found)) {
                if (truthUsed[pair[0]] || foundUsed[pair[1]]) {
                    continue;
                }
                truthUsed[pair[0]] = true;
                foundUsed[pair[1]] = true;
                ious.add(found.get(pair[1]).iou(truth.get(pair[0])));
                if (agrees(found.get(pair[1]), truth.get(pair[0]))) {
                    agreeing++;
                } else {
                    disagreeing.add(photo.name() + "#" + pair[0]);
                }
            }
            for (int t = 0; t < truth.size(); t++) {
                if (!truthUsed[t]) {
                    missed.add(photo.name() + "#" + t);
                }
            }
            for (boolean used : foundUsed) {
                if (!used) {
                    falsePositives++;
                    onFaceless += truth.isEmpty() ? 1 : 0;
                }
            }
        }

        /** Truth/found index pairs with an IoU of at least {@link #MATCH_IOU}, best first. */
        private static List<int[]> pairsByIou(List<FaceBox> truth, List<FaceBox> found) {
            List<int[]> pairs = new ArrayList<>();
            for (int t = 0; t < truth.size(); t++) {
                for (int f = 0; f < found.size(); f++) {
                    if (found.get(f).iou(truth.get(t)) >= MATCH_IOU) {
                        pairs.add(new int[] {t, f});
                    }
                }
            }
            pairs.sort(Comparator.comparingDouble((int[] p) -> -found.get(p[1]).iou(truth.get(p[0]))));
            return pairs;
        }
    }
}
