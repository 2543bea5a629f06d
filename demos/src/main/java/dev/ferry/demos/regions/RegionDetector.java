package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.detection.Detection;
import dev.ferry.demos.detection.YoloDetector;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.StageClock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds regions on one page with one model; which kind is chosen by the contract's task. */
public interface RegionDetector {
    /**
     * @param page      8-bit BGR page
     * @param cancelled polled while the model runs; true stops the run
     * @return regions in the page's pixels, best first
     */
    List<Detection> detect(Mat page, DetectOptions options, StageClock clock, BooleanSupplier cancelled)
            throws OrtException;

    static RegionDetector forModel(ModelLease lease) {
        String task = lease.contract().task();
        return switch (task) {
            case YoloDetector.TASK -> new YoloDetector(lease)::detect;
            case DbTextDetector.TASK -> new DbTextDetector(lease);
            default -> throw ModelFailures.invalid(lease.model().ref(), "its task '" + task
                    + "' is not one the regions demo reads (" + YoloDetector.TASK + ", " + DbTextDetector.TASK + ")");
        };
    }
}
