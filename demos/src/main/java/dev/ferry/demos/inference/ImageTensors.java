package dev.ferry.demos.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Turns an 8-bit BGR image, already at the model's input size, into the float NCHW tensor
 * its contract asks for. OpenCV splits the channels and scales each one straight into the
 * tensor's memory (one vectorised pass per plane), which keeps this a few milliseconds
 * for a full page.
 */
public final class ImageTensors {
    private ImageTensors() {}

    public static OnnxTensor nchw(OrtEnvironment env, Mat bgr, ModelContract contract) throws OrtException {
        ModelContract.ImageInput spec = contract.input();
        ModelContract.Normalization n = contract.normalize();
        int h = bgr.rows();
        int w = bgr.cols();
        boolean gray = spec.channels().equals("gray");
        int c = gray ? 1 : 3;
        FloatBuffer chw = ByteBuffer.allocateDirect(c * h * w * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        try (MatVector planes = new MatVector()) {
            if (gray) {
                Mat one = new Mat();
                opencv_imgproc.cvtColor(bgr, one, opencv_imgproc.COLOR_BGR2GRAY);
                planes.push_back(one);
            } else {
                opencv_core.split(bgr, planes);
            }
            for (int ch = 0; ch < c; ch++) {
                // planes are B, G, R; an rgb model's first channel is R
                int plane = spec.channels().equals("rgb") ? 2 - ch : ch;
                double mean = n.mean().get(Math.min(ch, n.mean().size() - 1));
                double std = n.std().get(Math.min(ch, n.std().size() - 1));
                // a slice, not a pointer position: Mat takes a void* and would count the position in bytes
                FloatBuffer slice = chw.duplicate().position(ch * h * w).slice();
                try (FloatPointer at = new FloatPointer(slice); Mat target = new Mat(h, w, opencv_core.CV_32FC1, at)) {
                    planes.get(plane).convertTo(target, opencv_core.CV_32F, n.scale() / std, -mean / std);
                }
            }
        }
        return OnnxTensor.createTensor(env, chw, new long[] {1, c, h, w});
    }
}
