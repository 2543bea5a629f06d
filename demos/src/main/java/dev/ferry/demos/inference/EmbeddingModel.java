package dev.ferry.demos.inference;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A feature extractor of the {@code embedding} contract: one image in ({@code [1, C, H, W]}
 * float, as its model.json says: size, channel order, normalisation such as ImageNet's), one
 * vector out (the first output, any shape with one image's worth of values, e.g. {@code [1, 512]}
 * or {@code [1, 512, 1, 1]} from a ResNet's pooling). Images are scaled with their aspect kept
 * and centred on their mean colour; vectors are scaled to unit length, so distances are cosine
 * distances. The clustering and similarity demos share this contract.
 */
public final class EmbeddingModel {
    public static final String TASK = "embedding";

    private final ModelLease lease;
    private final ModelContract contract;

    public EmbeddingModel(ModelLease lease) {
        this.lease = lease;
        this.contract = lease.contract();
        if (!contract.task().equals(TASK)) {
            throw ModelFailures.invalid(lease.model().ref(), "its task is '" + contract.task()
                    + "'; a feature extractor's model.json says \"task\": \"" + TASK + "\"");
        }
    }

    /** The vector length the model declares, or a generous guess when its output shape is dynamic. */
    public long dimension() {
        try {
            NodeInfo first = lease.outputs().values().iterator().next();
            if (first.getInfo() instanceof TensorInfo t) {
                long n = 1;
                for (long d : t.getShape()) {
                    n *= d > 0 ? d : 1;
                }
                return n > 1 ? n : 2048;
            }
        } catch (OrtException e) {
            // fall through to the guess
        }
        return 2048;
    }

    public float[] embed(Mat bgr, BooleanSupplier cancelled) throws OrtException {
        try (Mat input = letterbox(bgr);
             OnnxTensor tensor = ImageTensors.nchw(lease.env(), input, contract);
             OrtSession.Result result = lease.run(Map.of(contract.input().name(), tensor), cancelled)) {
            FloatBuffer values = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] v = new float[values.remaining()];
            values.get(v);
            return unit(v);
        }
    }

    private Mat letterbox(Mat bgr) {
        int w = contract.input().width();
        int h = contract.input().height();
        double scale = Math.min((double) w / bgr.cols(), (double) h / bgr.rows());
        int sw = Math.max(1, Math.min(w, (int) Math.round(bgr.cols() * scale)));
        int sh = Math.max(1, Math.min(h, (int) Math.round(bgr.rows() * scale)));
        Mat out;
        try (Scalar mean = opencv_core.mean(bgr)) {
            out = new Mat(h, w, opencv_core.CV_8UC3, mean);
        }
        try (Mat scaled = new Mat(); Size to = new Size(sw, sh);
             Rect where = new Rect((w - sw) / 2, (h - sh) / 2, sw, sh); Mat target = new Mat(out, where)) {
            resize(bgr, scaled, to, 0, 0, scale < 1 ? INTER_AREA : INTER_LINEAR);
            scaled.copyTo(target);
        }
        return out;
    }

    /** Scales {@code v} in place to length 1 (a zero vector stays zero) and returns it. */
    public static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }
}
