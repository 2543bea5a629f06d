package dev.ferry.demos.detection;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.ferry.demos.inference.ImageTensors;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.inference.StageClock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;

/** YOLO object detectors (v5, v8, v11 exports): letterbox, run, decode, class-aware NMS. */
public final class YoloDetector {
    public static final String TASK = "yolo";

    private final ModelLease lease;

    public YoloDetector(ModelLease lease) {
        this.lease = lease;
    }

    /**
     * @param page      8-bit BGR page
     * @param cancelled polled while the model runs; true stops the run
     * @return boxes in the page's pixels, best first
     */
    public List<Detection> detect(Mat page, DetectOptions options, StageClock clock, BooleanSupplier cancelled)
            throws OrtException {
        long t = System.nanoTime();
        ModelContract contract = lease.contract();
        int w = contract.input().width();
        int h = contract.input().height();
        if (contract.input().dynamic() && options.maxSize() > 0) {
            w = h = roundUp32(options.maxSize());
        }
        Letterbox box = Letterbox.fit(page.cols(), page.rows(), w, h);
        ModelLease.FloatOutput output;
        try (Mat input = box.apply(page); OnnxTensor tensor = ImageTensors.nchw(lease.env(), input, contract)) {
            t = clock.lap(Stage.PREPROCESS, t);
            output = lease.runOnImage(tensor, cancelled);
            t = clock.lap(Stage.INFERENCE, t);
        }
        List<Detection> candidates = YoloOutputs.decode(output.values(), output.shape(), contract.labels().size(), options.confidence(),
                contract::label);
        List<Detection> onPage = candidates.stream()
                .map(d -> d.withBox(box.toSource(d.box()).clip(page.cols(), page.rows())))
                .filter(d -> d.box().area() > 0)
                .toList();
        List<Detection> kept = Nms.classAware(onPage, options.iou(), options.maxDetections());
        clock.lap(Stage.POSTPROCESS, t);
        return kept;
    }

    private static int roundUp32(int v) {
        return Math.max(32, (v + 31) / 32 * 32);
    }
}
