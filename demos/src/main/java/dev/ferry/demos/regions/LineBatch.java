package dev.ferry.demos.regions;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.ferry.demos.inference.ImageTensors;
import dev.ferry.demos.inference.ModelContract;
import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Text line crops as one input {@code [N, 3, H, W]}, PaddleOCR's resize_norm_img: each crop
 * scaled to the model's height keeping its aspect ratio (no wider than {@code W}),
 * normalised as the contract says, and padded on the right with zeros (mid-grey once
 * normalised) to {@code W}.
 *
 * @param widths each crop's width in the input, before padding
 */
record LineBatch(OnnxTensor tensor, int width, int[] widths) implements AutoCloseable {

    /** The width a crop of {@code ratio} (width over height) takes at {@code height}. */
    static int scaledWidth(double ratio, int height) {
        return Math.max(1, (int) Math.ceil(height * ratio));
    }

    static double ratio(Mat crop) {
        return (double) crop.cols() / crop.rows();
    }

    static LineBatch of(OrtEnvironment env, List<Mat> crops, ModelContract contract, int width) throws OrtException {
        int height = contract.input().height();
        int plane = height * width;
        float[] values = new float[crops.size() * 3 * plane];
        int[] widths = new int[crops.size()];
        for (int i = 0; i < crops.size(); i++) {
            Mat crop = crops.get(i);
            int w = Math.min(width, scaledWidth(ratio(crop), height));
            widths[i] = w;
            try (Mat resized = new Mat(); Size size = new Size(w, height)) {
                opencv_imgproc.resize(crop, resized, size, 0, 0, opencv_imgproc.INTER_LINEAR);
                try (OnnxTensor one = ImageTensors.nchw(env, resized, contract)) {
                    FloatBuffer chw = one.getFloatBuffer();
                    for (int row = 0; row < 3 * height; row++) {
                        chw.get(values, i * 3 * plane + row * width, w);
                    }
                }
            }
        }
        OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values),
                new long[] {crops.size(), 3, height, width});
        return new LineBatch(tensor, width, widths);
    }

    @Override
    public void close() {
        tensor.close();
    }
}
