package dev.ferry.demos.regions;

import dev.ferry.demos.inference.ModelContract;

/**
 * Thresholds for one job: the job's parameter where given (non-zero), else the model's
 * default from model.json, else the task's usual value.
 *
 * @param maxSize the longest side a page is scaled to, for models that take any size
 */
public record DetectOptions(double confidence, double iou, int maxSize, int maxDetections) {
    public static final int MAX_DETECTIONS = 300;

    public static DetectOptions resolve(ModelContract contract, double confidence, double iou, long maxSize) {
        boolean text = contract.task().equals(DbTextDetector.TASK);
        return new DetectOptions(
                confidence > 0 ? confidence : contract.threshold("confidence", text ? 0.6 : 0.25),
                iou > 0 ? iou : contract.threshold("iou", 0.45),
                (int) (maxSize > 0 ? maxSize : contract.threshold("max_side", Math.max(contract.input().width(),
                        contract.input().height()))),
                (int) contract.threshold("max_detections", text ? 1000 : MAX_DETECTIONS));
    }
}
