package dev.ferry.demos.regions;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.detection.Detection;
import dev.ferry.demos.inference.ImageTensors;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.inference.StageClock;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * DB text detectors with PaddleOCR's detection contract (PP-OCRv4 det): the page is scaled
 * so its longer side is at most max_side, each side rounded to a multiple of 32; the
 * output {@code [1, 1, H, W]} is a text probability map read by {@link DbPostprocess}.
 */
final class DbTextDetector implements RegionDetector {
    static final String TASK = DetectOptions.TEXT_TASK;

    private final ModelLease lease;

    DbTextDetector(ModelLease lease) {
        this.lease = lease;
    }

    /** PaddleOCR's DetResizeForTest with limit_type "max": never enlarges, sides to multiples of 32. */
    static Size inputSize(int width, int height, int maxSide) {
        double ratio = Math.max(width, height) > maxSide ? (double) maxSide / Math.max(width, height) : 1.0;
        int w = Math.max((int) Math.round((int) (width * ratio) / 32.0) * 32, 32);
        int h = Math.max((int) Math.round((int) (height * ratio) / 32.0) * 32, 32);
        return new Size(w, h);
    }

    @Override
    public List<Detection> detect(Mat page, DetectOptions options, StageClock clock, BooleanSupplier cancelled)
            throws OrtException {
        long t = System.nanoTime();
        ModelContract contract = lease.contract();
        Size size = inputSize(page.cols(), page.rows(), options.maxSize());
        ModelLease.FloatOutput output;
        try (Mat resized = new Mat()) {
            opencv_imgproc.resize(page, resized, size, 0, 0, opencv_imgproc.INTER_LINEAR);
            try (OnnxTensor tensor = ImageTensors.nchw(lease.env(), resized, contract)) {
                t = clock.lap(Stage.PREPROCESS, t);
                output = lease.runOnImage(tensor, cancelled);
                t = clock.lap(Stage.INFERENCE, t);
            }
        }
        long[] shape = output.shape();
        if (shape.length != 4 || shape[0] != 1 || shape[1] != 1) {
            throw new IllegalArgumentException("a DB text detector outputs [1, 1, H, W], this one " + Arrays.toString(shape));
        }
        DbPostprocess post = new DbPostprocess(
                contract.threshold("binary", 0.3),
                options.confidence(),
                contract.threshold("unclip_ratio", 1.5),
                contract.threshold("min_size", 3),
                options.maxDetections());
        String label = contract.label(0);
        List<Detection> found = post.boxes(output.values(), (int) shape[3], (int) shape[2], page.cols(), page.rows()).stream()
                .filter(s -> s.box().area() > 0)
                .map(s -> new Detection(0, label, s.score(), s.box(), s.quad()))
                .toList();
        clock.lap(Stage.POSTPROCESS, t);
        return found;
    }
}
