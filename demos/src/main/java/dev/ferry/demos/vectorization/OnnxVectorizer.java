package dev.ferry.demos.vectorization;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.demos.inference.ImageTensors;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.inference.StageClock;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A primitive detector of the {@code primitives} contract (a DETR-style model exported to
 * ONNX) in place of the OpenCV engine: the image is scaled to the model's input (stretched,
 * as such models are trained; with a dynamic input, its longer side to {@code max_side} and
 * both sides to multiples of 32), made into the tensor its model.json asks for, and the two
 * outputs read by {@link PrimitiveDecoder}.
 */
final class OnnxVectorizer implements Vectorizer {
    static final String TASK = "primitives";

    private final ModelLease lease;
    private final ModelContract contract;
    private final PrimitiveDecoder decoder;
    private final double confidence;

    /**
     * @param confidence the least score of a primitive; 0 takes the model's {@code thresholds.confidence} (0.5)
     * @throws DemoFailure {@code model_invalid} when the model does not follow the contract
     */
    OnnxVectorizer(ModelLease lease, double confidence) {
        this.lease = lease;
        this.contract = lease.contract();
        this.confidence = confidence > 0 ? confidence : contract.threshold("confidence", 0.5);
        if (!contract.task().equals(TASK)) {
            throw invalid("its task is '" + contract.task() + "'; a primitive detector's model.json says \"task\": \""
                    + TASK + "\"");
        }
        try {
            this.decoder = new PrimitiveDecoder(contract.labels());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        checkOutputs();
    }

    @Override
    public Result vectorize(Mat image, StageClock clock, BooleanSupplier cancelled) throws OrtException {
        long t = System.nanoTime();
        int[] size = inputSize(image.cols(), image.rows());
        float[] scores;
        long[] scoreShape;
        float[] params;
        long[] paramShape;
        try (Mat scaled = new Mat(); Size target = new Size(size[0], size[1])) {
            opencv_imgproc.resize(image, scaled, target, 0, 0, opencv_imgproc.INTER_AREA);
            try (OnnxTensor input = ImageTensors.nchw(lease.env(), scaled, contract)) {
                t = clock.lap(Stage.PREPROCESS, t);
                try (OrtSession.Result result = lease.run(Map.of(contract.input().name(), input), cancelled)) {
                    t = clock.lap(Stage.INFERENCE, t);
                    scoreShape = shape(result.get(0));
                    scores = values(result.get(0));
                    paramShape = shape(result.get(1));
                    params = values(result.get(1));
                }
            }
        }
        if (scoreShape.length != 3 || paramShape.length != 3 || paramShape[1] != scoreShape[1]
                || scoreShape[2] != contract.labels().size() || paramShape[2] < PrimitiveDecoder.PARAMS) {
            throw new IllegalArgumentException("the model's outputs have shapes " + Arrays.toString(scoreShape) + " and "
                    + Arrays.toString(paramShape) + "; the contract wants [1, Q, " + contract.labels().size()
                    + "] and [1, Q, 6 or more]");
        }
        List<Primitive> found = decoder.decode(scores, (int) scoreShape[2], params, (int) paramShape[2],
                (int) scoreShape[1], confidence, image.cols(), image.rows());
        clock.lap(Stage.POSTPROCESS, t);
        return new Result(found, 0);
    }

    /** The input's width and height for an image of this size. */
    private int[] inputSize(int width, int height) {
        ModelContract.ImageInput in = contract.input();
        if (!in.dynamic()) {
            return new int[] {in.width(), in.height()};
        }
        double side = contract.threshold("max_side", Math.max(in.width(), in.height()));
        double scale = side / Math.max(width, height);
        return new int[] {roundUp32(width * scale), roundUp32(height * scale)};
    }

    private static int roundUp32(double v) {
        return Math.max(32, (int) Math.ceil(v / 32) * 32);
    }

    private void checkOutputs() {
        List<NodeInfo> outputs;
        try {
            outputs = new ArrayList<>(lease.outputs().values());
        } catch (OrtException e) {
            throw invalid("its outputs cannot be read: " + e.getMessage());
        }
        if (outputs.size() < 2) {
            throw invalid("it has " + outputs.size() + " output(s); the contract wants two: scores [1, Q, C] and params"
                    + " [1, Q, 6]");
        }
        long classes = lastAxis(outputs.get(0));
        if (classes > 0 && classes != contract.labels().size()) {
            throw invalid("its first output gives " + classes + " scores per query but its model.json names "
                    + contract.labels().size() + " labels");
        }
        long perQuery = lastAxis(outputs.get(1));
        if (perQuery > 0 && perQuery < PrimitiveDecoder.PARAMS) {
            throw invalid("its second output gives " + perQuery + " values per query; the contract wants at least "
                    + PrimitiveDecoder.PARAMS);
        }
    }

    /** The length of an output's last axis, or 0 when the graph leaves it open. */
    private static long lastAxis(NodeInfo node) {
        if (node.getInfo() instanceof TensorInfo t && t.getShape().length > 0) {
            return Math.max(0, t.getShape()[t.getShape().length - 1]);
        }
        return 0;
    }

    private static long[] shape(OnnxValue value) {
        return ((OnnxTensor) value).getInfo().getShape();
    }

    private static float[] values(OnnxValue value) {
        FloatBuffer buffer = ((OnnxTensor) value).getFloatBuffer();
        if (buffer == null) {
            throw new IllegalArgumentException("the model's outputs are not float tensors");
        }
        float[] out = new float[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private DemoFailure invalid(String why) {
        return ModelFailures.invalid(lease.model().ref(), why);
    }
}
