package dev.ferry.demos.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns an 8-bit BGR image, already at the model's input size, into the float NCHW tensor
 * its contract asks for. Each channel's normalisation is a 256-entry table, so a 960×960
 * page costs one table look-up per value.
 */
public final class ImageTensors {
    private ImageTensors() {}

    public static OnnxTensor nchw(OrtEnvironment env, Mat bgr, ModelContract contract) throws OrtException {
        ModelContract.InputSpec spec = contract.input();
        Mat pixels = channelsFor(bgr, spec.channels());
        int h = pixels.rows();
        int w = pixels.cols();
        int c = pixels.channels();
        byte[] hwc = new byte[h * w * c];
        (pixels.isContinuous() ? pixels : pixels.clone()).data().get(hwc);
        float[][] tables = tables(contract.normalize(), c);
        FloatBuffer chw = ByteBuffer.allocateDirect(hwc.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        int plane = h * w;
        float[] row = new float[plane];
        for (int ch = 0; ch < c; ch++) {
            float[] table = tables[ch];
            for (int i = 0, j = ch; i < plane; i++, j += c) {
                row[i] = table[hwc[j] & 0xff];
            }
            chw.put(row);
        }
        chw.rewind();
        if (pixels != bgr) {
            pixels.close();
        }
        return OnnxTensor.createTensor(env, chw, new long[] {1, c, h, w});
    }

    private static Mat channelsFor(Mat bgr, String channels) {
        return switch (channels) {
            case "rgb" -> convert(bgr, opencv_imgproc.COLOR_BGR2RGB);
            case "gray" -> convert(bgr, opencv_imgproc.COLOR_BGR2GRAY);
            default -> bgr;
        };
    }

    private static Mat convert(Mat src, int code) {
        Mat out = new Mat();
        opencv_imgproc.cvtColor(src, out, code);
        return out;
    }

    private static float[][] tables(ModelContract.Normalization n, int channels) {
        float[][] tables = new float[channels][256];
        for (int ch = 0; ch < channels; ch++) {
            double mean = n.mean().get(Math.min(ch, n.mean().size() - 1));
            double std = n.std().get(Math.min(ch, n.std().size() - 1));
            for (int v = 0; v < 256; v++) {
                tables[ch][v] = (float) ((v * n.scale() - mean) / std);
            }
        }
        return tables;
    }
}
