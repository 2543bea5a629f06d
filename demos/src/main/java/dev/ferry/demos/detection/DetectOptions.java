package dev.ferry.demos.detection;

import dev.ferry.demos.inference.ModelContract;

/**
 * Thresholds for one job: the job's parameter where given (non-zero), else the model's
 * default from model.json, else the task's usual value.
 *
 * @param maxSize the longest side a page is scaled to, for models that take any size
 */
public record DetectOptions(double confidence, double iou, int maxSize, int maxDetections) {
    public static final int MAX_DETECTIONS = 300;
    /** The task of text-line detectors (DB), whose defaults are their own: lines are many and thin. */
    public static final String TEXT_TASK = "db_text";

    public static DetectOptions resolve(ModelContract contract, double confidence, double iou, long maxSize) {
        boolean text = contract.task().equals(TEXT_TASK);
        return new DetectOptions(
                confidence > 0 ? confidence : contract.threshold("confidence", text ? 0.6 : 0.25),
                iou > 0 ? iou : contract.threshold("iou", 0.45),
                (int) (maxSize > 0 ? maxSize : contract.threshold("max_side", Math.max(contract.input().width(),
                        contract.input().height()))),
                (int) contract.threshold("max_detections", text ? 1000 : MAX_DETECTIONS));
    }
}
