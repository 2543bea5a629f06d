package dev.ferry.demos.detection;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * YOLO's letterbox: the page scaled to fit the model's input with its aspect kept, centred,
 * and padded with grey 114. {@link #toSource} undoes exactly the scaling and padding
 * applied, per axis, so boxes land on the page's own pixels.
 *
 * @param scaledWidth  the page's width after scaling (the padding fills the rest)
 */
public record Letterbox(int sourceWidth, int sourceHeight, int width, int height,
                        int scaledWidth, int scaledHeight, int padLeft, int padTop) {
    public static final int PAD = 114;

    public static Letterbox fit(int sourceWidth, int sourceHeight, int width, int height) {
        double r = Math.min((double) width / sourceWidth, (double) height / sourceHeight);
        int sw = Math.max(1, Math.min(width, (int) Math.round(sourceWidth * r)));
        int sh = Math.max(1, Math.min(height, (int) Math.round(sourceHeight * r)));
        // as YOLO does: an odd leftover pixel goes to the right and bottom
        int left = (int) Math.round((width - sw) / 2.0 - 0.1);
        int top = (int) Math.round((height - sh) / 2.0 - 0.1);
        return new Letterbox(sourceWidth, sourceHeight, width, height, sw, sh, left, top);
    }

    /** The padded model input; the caller closes it. */
    public Mat apply(Mat source) {
        Mat scaled = new Mat();
        opencv_imgproc.resize(source, scaled, new Size(scaledWidth, scaledHeight), 0, 0, opencv_imgproc.INTER_LINEAR);
        Mat out = new Mat();
        opencv_core.copyMakeBorder(scaled, out, padTop, height - scaledHeight - padTop,
                padLeft, width - scaledWidth - padLeft, opencv_core.BORDER_CONSTANT, Scalar.all(PAD));
        scaled.close();
        return out;
    }

    /** A box in model-input pixels, in the source page's pixels. */
    public Box toSource(Box b) {
        double sx = (double) scaledWidth / sourceWidth;
        double sy = (double) scaledHeight / sourceHeight;
        return new Box((b.x1() - padLeft) / sx, (b.y1() - padTop) / sy, (b.x2() - padLeft) / sx, (b.y2() - padTop) / sy);
    }
}
