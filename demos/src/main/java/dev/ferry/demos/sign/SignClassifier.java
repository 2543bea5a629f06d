package dev.ferry.demos.sign;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A video classifier held through the shared inference core: T preprocessed frames in, one
 * probability per label out. The frames are laid out as the contract says ({@code [1,T,C,H,W]}
 * or {@code [1,C,T,H,W]}); the scores are read from the declared output (other outputs, such
 * as a keypoint head, are ignored) and turned into probabilities with a softmax unless the
 * model already gives a distribution.
 */
final class SignClassifier {
    private final ModelLease lease;
    private final ModelContract contract;
    private final VideoContract video;
    private final String output;
    /** The input tensor's memory, reused from window to window: a job's windows run one at a time. */
    private FloatBuffer input;

    /** @throws dev.ferry.core.demo.DemoFailure {@code model_invalid} when the graph does not fit its contract */
    SignClassifier(ModelLease lease, VideoContract video) {
        this.lease = lease;
        this.contract = lease.contract();
        this.video = video;
        ModelRef ref = lease.model().ref();
        try {
            checkInput(ref, lease.inputs());
            Map<String, NodeInfo> outputs = lease.outputs();
            this.output = video.output().orElse(outputs.keySet().iterator().next());
            NodeInfo scores = outputs.get(output);
            if (scores == null) {
                throw ModelFailures.invalid(ref, "it has no output '" + output + "' (it has " + outputs.keySet() + ")");
            }
            long classes = lastAxis(scores);
            if (classes > 0 && !contract.labels().isEmpty() && classes != contract.labels().size()) {
                throw ModelFailures.invalid(ref, "its output '" + output + "' gives " + classes
                        + " scores but its model.json names " + contract.labels().size() + " labels");
            }
        } catch (OrtException e) {
            throw ModelFailures.invalid(ref, "its inputs and outputs cannot be read: " + e.getMessage());
        }
    }

    /** @param frames T frames from {@link FramePreprocessor#chw}, in time order */
    double[] classify(List<float[]> frames, BooleanSupplier cancelled) throws OrtException {
        try (OnnxTensor input = OnnxTensor.createTensor(lease.env(), layout(frames), shape());
             OrtSession.Result result = lease.run(Map.of(contract.input().name(), input), cancelled)) {
            OnnxValue value = result.get(output).orElseThrow();
            FloatBuffer scores = ((OnnxTensor) value).getFloatBuffer();
            float[] raw = new float[scores.remaining()];
            scores.get(raw);
            return video.outputProbabilities() ? toDoubles(raw) : softmax(raw);
        }
    }

    private long[] shape() {
        long t = video.frames();
        long h = contract.input().height();
        long w = contract.input().width();
        return video.layout().equals("NTCHW") ? new long[] {1, t, 3, h, w} : new long[] {1, 3, t, h, w};
    }

    private FloatBuffer layout(List<float[]> frames) {
        int plane = contract.input().width() * contract.input().height();
        int t = frames.size();
        if (input == null || input.capacity() != t * 3 * plane) {
            input = ByteBuffer.allocateDirect(t * 3 * plane * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        FloatBuffer out = input.clear();
        if (video.layout().equals("NTCHW")) {
            frames.forEach(out::put);
        } else {
            for (int c = 0; c < 3; c++) {
                for (float[] frame : frames) {
                    out.put(frame, c * plane, plane);
                }
            }
        }
        return out.flip();
    }

    private void checkInput(ModelRef ref, Map<String, NodeInfo> inputs) {
        NodeInfo in = inputs.get(contract.input().name());
        if (in == null) {
            throw ModelFailures.invalid(ref, "it has no input '" + contract.input().name() + "' (it has "
                    + inputs.keySet() + ")");
        }
        if (in.getInfo() instanceof TensorInfo t) {
            long[] declared = t.getShape();
            long[] wanted = shape();
            if (declared.length != 5) {
                throw ModelFailures.invalid(ref, "its input has " + declared.length + " axes; a video model's has 5 ("
                        + video.layout() + ")");
            }
            for (int i = 1; i < 5; i++) {
                if (declared[i] > 0 && declared[i] != wanted[i]) {
                    throw ModelFailures.invalid(ref, "its input is " + java.util.Arrays.toString(declared)
                            + " but model.json describes " + java.util.Arrays.toString(wanted) + " (" + video.layout() + ")");
                }
            }
        }
    }

    private static long lastAxis(NodeInfo node) {
        if (node.getInfo() instanceof TensorInfo t && t.getShape().length > 0) {
            return Math.max(0, t.getShape()[t.getShape().length - 1]);
        }
        return 0;
    }

    private static double[] toDoubles(float[] raw) {
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i];
        }
        return out;
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] out = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp(logits[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }
}
