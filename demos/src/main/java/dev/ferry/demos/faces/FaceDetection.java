package dev.ferry.demos.faces;

import java.util.List;
import java.util.Optional;

/**
 * A face a detector found.
 *
 * @param confidence the detector's score in [0, 1] when it gives one; the Haar cascade does not
 * @param keypoints  its landmarks when the detector gives them (BlazeFace: six), else empty
 */
public record FaceDetection(FaceBox box, Optional<Double> confidence, List<FaceKeypoint> keypoints) {}
