package dev.ferry.demos.faces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe's weighted non-maximum suppression: the best remaining face takes every
 * candidate overlapping it by more than the IoU threshold, and its box and keypoints become
 * their score-weighted mean (steadier than keeping the best box alone); its score stays its own.
 */
final class WeightedNms {
    private WeightedNms() {}

    static List<FaceCandidate> apply(List<FaceCandidate> candidates, double iouThreshold) {
        List<FaceCandidate> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(FaceCandidate::score).reversed());
        List<FaceCandidate> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            FaceCandidate best = remaining.get(0);
            List<FaceCandidate> overlapping = new ArrayList<>();
            List<FaceCandidate> rest = new ArrayList<>();
            for (FaceCandidate c : remaining) {
                (best.iou(c) > iouThreshold ? overlapping : rest).add(c);
            }
            kept.add(blend(best.score(), overlapping));
            remaining = rest;
        }
        return kept;
    }

    private static FaceCandidate blend(double score, List<FaceCandidate> group) {
        double total = group.stream().mapToDouble(FaceCandidate::score).sum();
        double x1 = 0;
        double y1 = 0;
        double x2 = 0;
        double y2 = 0;
        double[] k = new double[group.get(0).keypoints().length];
        for (FaceCandidate c : group) {
            double w = c.score() / total;
            x1 += w * c.x1();
            y1 += w * c.y1();
            x2 += w * c.x2();
            y2 += w * c.y2();
            for (int i = 0; i < k.length; i++) {
                k[i] += w * c.keypoints()[i];
            }
        }
        return new FaceCandidate(score, x1, y1, x2, y2, k);
    }
}
