package dev.ferry.demos.faces;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns BlazeFace's raw outputs into faces in model-input pixels, as MediaPipe's
 * {@code TensorsToDetectionsCalculator} does: scores are logits (clipped to ±100, then
 * sigmoid); each anchor's 16 values are the box centre's offset from the anchor centre,
 * its width and height, then six keypoints as offsets from the anchor centre, all in input
 * pixels.
 */
final class BlazeFaceDecoder {
    static final int VALUES_PER_ANCHOR = 16;
    private static final double SCORE_CLIP = 100;

    private final List<double[]> anchors;
    private final double minScore;

    BlazeFaceDecoder(List<double[]> anchors, double minScore) {
        this.anchors = anchors;
        this.minScore = minScore;
    }

    /**
     * @param logits one score per anchor, the outputs of all feature maps one after another
     * @param boxes  {@link #VALUES_PER_ANCHOR} values per anchor, in the same order
     */
    List<FaceCandidate> decode(float[] logits, float[] boxes) {
        if (logits.length != anchors.size() || boxes.length != anchors.size() * VALUES_PER_ANCHOR) {
            throw new IllegalArgumentException("the model gave " + logits.length + " scores and " + boxes.length
                    + " box values for " + anchors.size() + " anchors");
        }
        List<FaceCandidate> out = new ArrayList<>();
        for (int i = 0; i < logits.length; i++) {
            double score = sigmoid(logits[i]);
            if (score >= minScore) {
                out.add(candidate(score, anchors.get(i), boxes, i * VALUES_PER_ANCHOR));
            }
        }
        return out;
    }

    private static FaceCandidate candidate(double score, double[] anchor, float[] raw, int at) {
        double cx = anchor[0] + raw[at];
        double cy = anchor[1] + raw[at + 1];
        double w = raw[at + 2];
        double h = raw[at + 3];
        double[] keypoints = new double[VALUES_PER_ANCHOR - 4];
        for (int k = 0; k < keypoints.length; k += 2) {
            keypoints[k] = anchor[0] + raw[at + 4 + k];
            keypoints[k + 1] = anchor[1] + raw[at + 5 + k];
        }
        return new FaceCandidate(score, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, keypoints);
    }

    static double sigmoid(double logit) {
        double clipped = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, logit));
        return 1 / (1 + Math.exp(-clipped));
    }
}
