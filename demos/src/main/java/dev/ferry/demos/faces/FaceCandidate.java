package dev.ferry.demos.faces;

/**
 * A face as a detector decoded it, before suppression: corners and keypoints in one
 * coordinate frame (model-input or page pixels).
 *
 * @param keypoints x, y of each keypoint in turn
 */
record FaceCandidate(double score, double x1, double y1, double x2, double y2, double[] keypoints) {

    /** This candidate with every coordinate {@code c} turned into {@code offset + (c - pad) / scale}, per axis. */
    FaceCandidate mapped(double scale, double padX, double padY, double offsetX, double offsetY) {
        double[] k = new double[keypoints.length];
        for (int i = 0; i < k.length; i += 2) {
            k[i] = offsetX + (keypoints[i] - padX) / scale;
            k[i + 1] = offsetY + (keypoints[i + 1] - padY) / scale;
        }
        return new FaceCandidate(score, offsetX + (x1 - padX) / scale, offsetY + (y1 - padY) / scale,
                offsetX + (x2 - padX) / scale, offsetY + (y2 - padY) / scale, k);
    }

    double iou(FaceCandidate o) {
        double iw = Math.max(0, Math.min(x2, o.x2) - Math.max(x1, o.x1));
        double ih = Math.max(0, Math.min(y2, o.y2) - Math.max(y1, o.y1));
        double inter = iw * ih;
        double union = (x2 - x1) * (y2 - y1) + (o.x2 - o.x1) * (o.y2 - o.y1) - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
