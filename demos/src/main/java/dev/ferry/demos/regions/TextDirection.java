package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.inference.ModelLease;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * PaddleOCR's text direction classifier (task {@code text_direction}): turns the line crops
 * it finds upside down (180° scored at least the contract's confidence, 0.9), so a page
 * scanned the wrong way up still reads right.
 *
 * <p>A long line squeezed whole into the model's 192 × 48 input is squashed eight times or
 * more, and the model then calls some upright lines of a plain sans-serif upside down with
 * 0.92–0.97 (a quarter of Liberation Sans read wrong). So each line is shown to it in
 * windows of the input's own shape, undistorted, and their scores are averaged.
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
        List<Mat> windows = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        try {
            for (int i = 0; i < crops.size(); i++) {
                for (Mat w : windows(crops.get(i))) {
                    windows.add(w);
                    owners.add(i);
                }
            }
            double[] upsideDown = new double[crops.size()];
            int[] counts = new int[crops.size()];
            for (int from = 0; from < windows.size(); from += batch) {
                List<Mat> part = windows.subList(from, Math.min(windows.size(), from + batch));
                float[] scores = scores(part, cancelled);
                for (int i = 0; i < part.size(); i++) {
                    int owner = owners.get(from + i);
                    upsideDown[owner] += scores[2 * i + 1];
                    counts[owner]++;
                }
            }
            return turn(crops, upsideDown, counts);
        } finally {
            windows.forEach(Mat::close);
        }
    }

    private boolean[] turn(List<Mat> crops, double[] upsideDown, int[] counts) {
        boolean[] turned = new boolean[crops.size()];
        for (int i = 0; i < crops.size(); i++) {
            double mean = upsideDown[i] / counts[i];
            if (mean > 0.5 && mean >= confidence) {
                opencv_core.rotate(crops.get(i), crops.get(i), opencv_core.ROTATE_180);
                turned[i] = true;
            }
        }
        return turned;
    }

    /** The crop cut into pieces of the input's aspect ratio, the last one flush with the right end. */
    private List<Mat> windows(Mat crop) {
        double aspect = (double) lease.contract().input().width() / lease.contract().input().height();
        int width = (int) Math.max(1, Math.round(crop.rows() * aspect));
        List<Mat> out = new ArrayList<>();
        if (crop.cols() <= width) {
            out.add(new Mat(crop, new Rect(0, 0, crop.cols(), crop.rows())));
            return out;
        }
        int count = (int) Math.ceil((double) crop.cols() / width);
        for (int k = 0; k < count; k++) {
            int x = Math.min(k * width, crop.cols() - width);
            out.add(new Mat(crop, new Rect(x, 0, width, crop.rows())));
        }
        return out;
    }

    /** Two scores per window: upright, upside down. */
    private float[] scores(List<Mat> windows, BooleanSupplier cancelled) throws OrtException {
        try (LineBatch input = LineBatch.of(lease.env(), windows, lease.contract(), lease.contract().input().width())) {
            return lease.runOnImage(input.tensor(), cancelled).values();
        }
    }
}
