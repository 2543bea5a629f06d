package dev.ferry.demos.faces;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.ferry.demos.inference.ModelContract;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * An 8-bit BGR image as a channels-last float tensor {@code [1,H,W,3]}, or {@code [1,H,W,1]}
 * for a {@code gray} contract (TensorFlow-exported models such as BlazeFace and the TF.js
 * emotion model): interleaved pixels are already that layout, so OpenCV converts them
 * straight into the tensor's memory. One normalisation for all channels (the contract's
 * first mean and std), as those models use.
 */
final class NhwcTensors {
    private NhwcTensors() {}

    static OnnxTensor of(OrtEnvironment env, Mat bgr, ModelContract contract) throws OrtException {
        ModelContract.Normalization n = contract.normalize();
        double mean = n.mean().get(0);
        double std = n.std().get(0);
        int h = bgr.rows();
        int w = bgr.cols();
        String channels = contract.input().channels();
        int c = channels.equals("gray") ? 1 : 3;
        FloatBuffer hwc = ByteBuffer.allocateDirect(h * w * c * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        try (Mat ordered = new Mat(); FloatPointer at = new FloatPointer(hwc);
             Mat target = new Mat(h, w, opencv_core.CV_MAKETYPE(opencv_core.CV_32F, c), at)) {
            switch (channels) {
                case "rgb" -> opencv_imgproc.cvtColor(bgr, ordered, opencv_imgproc.COLOR_BGR2RGB);
                case "gray" -> opencv_imgproc.cvtColor(bgr, ordered, opencv_imgproc.COLOR_BGR2GRAY);
                default -> bgr.copyTo(ordered);
            }
            ordered.convertTo(target, opencv_core.CV_32F, n.scale() / std, -mean / std);
        }
        return OnnxTensor.createTensor(env, hwc, new long[] {1, h, w, c});
    }
}
