package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.inference.ModelLease;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * PaddleOCR's text direction classifier (task {@code text_direction}): turns the line crops
 * it finds upside down (180° scored at least the contract's confidence, 0.9), so a page
 * scanned the wrong way up still reads right.
 */
final class TextDirection {
    static final String TASK = "text_direction";

    private final ModelLease lease;
    private final double confidence;
    private final int batch;

    TextDirection(ModelLease lease) {
        this.lease = lease;
        this.confidence = lease.contract().threshold("confidence", 0.9);
        this.batch = (int) lease.contract().threshold("batch", 6);
    }

    /** Turns the upside-down crops in place; answers which were turned. */
    boolean[] straighten(List<Mat> crops, BooleanSupplier cancelled) throws OrtException {
        boolean[] turned = new boolean[crops.size()];
        for (int from = 0; from < crops.size(); from += batch) {
            List<Mat> part = crops.subList(from, Math.min(crops.size(), from + batch));
            ModelLease.FloatOutput out;
            try (LineBatch input = LineBatch.of(lease.env(), part, lease.contract(), lease.contract().input().width())) {
                out = lease.runOnImage(input.tensor(), cancelled);
            }
            for (int i = 0; i < part.size(); i++) {
                float upright = out.values()[2 * i];
                float upsideDown = out.values()[2 * i + 1];
                if (upsideDown > upright && upsideDown >= confidence) {
                    opencv_core.rotate(part.get(i), part.get(i), opencv_core.ROTATE_180);
                    turned[from + i] = true;
                }
            }
        }
        return turned;
    }
}
