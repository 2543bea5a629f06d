package dev.ferry.demos.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class ImageTensorsTest {
    /** A 1×2 BGR image: pixel 0 is (B 10, G 20, R 30), pixel 1 is (B 200, G 100, R 0). */
    static Mat image() {
        Mat m = new Mat(1, 2, opencv_core.CV_8UC3);
        m.data().put(new byte[] {10, 20, 30, (byte) 200, 100, 0});
        return m;
    }

    static float[] tensor(String channels, ModelContract.Normalization n) throws Exception {
        ModelContract contract = new ModelContract("test", "", new ModelContract.ImageInput("x", "NCHW", 2, 1, false,
                channels), n, List.of(), Map.of(), null);
        try (Mat m = image(); OnnxTensor t = ImageTensors.nchw(OrtEnvironment.getEnvironment(), m, contract)) {
            FloatBuffer b = t.getFloatBuffer();
            float[] out = new float[b.remaining()];
            b.get(out);
            return out;
        }
    }

    @Test
    void bgrPlanesWithPerChannelMeanAndStd() throws Exception {
        ModelContract.Normalization n = new ModelContract.Normalization(0.5, List.of(1.0, 2.0, 3.0), List.of(1.0, 2.0, 4.0));
        assertArrayEquals(new float[] {
                (5 - 1) / 1f, (100 - 1) / 1f,
                (10 - 2) / 2f, (50 - 2) / 2f,
                (15 - 3) / 4f, (0 - 3) / 4f}, tensor("bgr", n), 1e-5f);
    }

    @Test
    void rgbPutsRedFirst() throws Exception {
        assertArrayEquals(new float[] {30 / 255f, 0, 20 / 255f, 100 / 255f, 10 / 255f, 200 / 255f},
                tensor("rgb", ModelContract.Normalization.UNIT), 1e-6f);
    }

    @Test
    void grayIsOnePlane() throws Exception {
        float[] gray = tensor("gray", new ModelContract.Normalization(1, List.of(0.0), List.of(1.0)));
        // OpenCV's luma: 0.299 R + 0.587 G + 0.114 B = 21.99 and 81.5
        assertArrayEquals(new float[] {22, 81.5f}, gray, 0.51f);
    }
}
