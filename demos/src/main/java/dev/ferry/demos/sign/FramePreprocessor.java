package dev.ferry.demos.sign;

import dev.ferry.demos.inference.ModelContract;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * One frame as the model was trained to see it: the short side scaled to {@code resize}
 * (enough to cover the input size) or the frame scaled to an exact {@code [height, width]},
 * the centre cropped to the input size, then each channel
 * in the contract's order (RGB or BGR) scaled to 0–1 and normalised with the contract's mean
 * and std: {@code (byte · scale − mean) / std}. The result is C planes of H × W floats.
 */
final class FramePreprocessor {
    private final ModelContract contract;
    private final VideoContract video;
    private final int width;
    private final int height;

    FramePreprocessor(ModelContract contract, VideoContract video) {
        this.contract = contract;
        this.video = video;
        this.width = contract.input().width();
        this.height = contract.input().height();
    }

    int valuesPerFrame() {
        return 3 * width * height;
    }

    /** The frame's CHW floats, written into {@code out} ({@link #valuesPerFrame()} long), which is returned. */
    float[] chw(Mat bgr, float[] out) {
        // Every Mat and Size made here is freed on the way out, not when the collector gets to it:
        // a long video converts thousands of frames between two collections.
        try (PointerScope scope = new PointerScope();
             Mat cropped = resizeAndCrop(bgr); MatVector planes = new MatVector(); Mat plane = new Mat()) {
            opencv_core.split(cropped, planes);
            ModelContract.Normalization n = contract.normalize();
            boolean rgb = contract.input().channels().equals("rgb");
            for (int ch = 0; ch < 3; ch++) {
                int source = rgb ? 2 - ch : ch; // OpenCV's planes are B, G, R
                double mean = n.mean().get(Math.min(ch, n.mean().size() - 1));
                double std = n.std().get(Math.min(ch, n.std().size() - 1));
                planes.get(source).convertTo(plane, opencv_core.CV_32F, n.scale() / std, -mean / std);
                FloatBuffer values = plane.createBuffer();
                values.get(out, ch * width * height, width * height);
            }
        }
        return out;
    }

    private Mat resizeAndCrop(Mat bgr) {
        int w = bgr.cols();
        int h = bgr.rows();
        double cover = Math.max((double) width / w, (double) height / h);
        double scale = Math.max(cover, video.resize() > 0 ? (double) video.resize() / Math.min(w, h) : 0);
        int sw = video.exactResize() ? video.resizeWidth() : Math.max(width, (int) Math.round(w * scale));
        int sh = video.exactResize() ? video.resizeHeight() : Math.max(height, (int) Math.round(h * scale));
        scale = Math.min((double) sw / w, (double) sh / h);
        Mat scaled = new Mat();
        try (Size size = new Size(sw, sh)) {
            opencv_imgproc.resize(bgr, scaled, size, 0, 0,
                    scale < 1 ? opencv_imgproc.INTER_AREA : opencv_imgproc.INTER_LINEAR);
        }
        try (Rect centre = new Rect((sw - width) / 2, (sh - height) / 2, width, height);
             Mat view = new Mat(scaled, centre)) {
            Mat crop = view.clone();
            scaled.close();
            return crop;
        }
    }
}
