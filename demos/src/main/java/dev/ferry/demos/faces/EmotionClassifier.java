package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.demos.inference.ImageTensors;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Says which emotions a face shows, with a model of the FER+ contract held through the
 * shared inference core: crops the face, scales it to the contract's input size, makes the
 * tensor its {@code model.json} asks for (grayscale, normalisation, NCHW or NHWC), runs the
 * model and turns its scores into probabilities, sorted most likely first. The contract's
 * {@code scores} says whether the model outputs {@code logits} (softmax applied here) or
 * {@code probabilities}; without it, scores that already form a distribution are kept.
 */
public final class EmotionClassifier {
    /** The {@code task} of an emotion model's {@code model.json}. */
    public static final String TASK = "fer_plus";
    public static final List<String> FER_PLUS_LABELS =
            List.of("neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt");

    private final ModelLease lease;
    private final ModelContract contract;
    private final String scoreKind;

    /**
     * @throws DemoFailure {@code model_invalid} when the model's contract is not an emotion
     *                     model's or its output does not have one score per label
     */
    public EmotionClassifier(ModelLease lease) {
        this.lease = lease;
        this.contract = lease.contract();
        this.scoreKind = contract.section("scores").map(JsonNode::asText).orElse("");
        if (!contract.task().equals(TASK)) {
            throw ModelFailures.invalid(lease.model().ref(), "its task is '" + contract.task()
                    + "'; an emotion model's model.json says \"task\": \"" + TASK + "\"");
        }
        long classes = outputClasses(lease);
        if (classes > 0 && !contract.labels().isEmpty() && classes != contract.labels().size()) {
            throw ModelFailures.invalid(lease.model().ref(), "it gives " + classes + " scores but its model.json names "
                    + contract.labels().size() + " labels");
        }
    }

    /** The model's name in the store, e.g. {@code ferplus}. */
    public String name() {
        return lease.model().ref().model();
    }

    /** @param cancelled polled while the model runs; true stops the run */
    public List<Emotion> classify(Mat bgr, FaceBox box, BooleanSupplier cancelled) throws OrtException {
        float[] scores;
        try (OnnxTensor input = input(bgr, box);
             OrtSession.Result result = lease.run(Map.of(contract.input().name(), input), cancelled)) {
            scores = scores(result.get(0).getValue());
        }
        double[] probabilities = probabilities(scores, scoreKind);
        List<Emotion> emotions = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            emotions.add(new Emotion(contract.label(i), probabilities[i]));
        }
        emotions.sort(Comparator.comparingDouble(Emotion::confidence).reversed());
        return emotions;
    }

    /** The face as the model's input tensor: cropped, scaled to the contract's size, then as model.json says. */
    private OnnxTensor input(Mat bgr, FaceBox box) throws OrtException {
        ModelContract.ImageInput spec = contract.input();
        try (Rect rect = new Rect(box.x(), box.y(), box.width(), box.height());
             Mat face = new Mat(bgr, rect); Mat small = new Mat(); Size size = new Size(spec.width(), spec.height())) {
            resize(face, small, size, 0, 0, INTER_AREA);
            return spec.layout().equals("NHWC") ? NhwcTensors.of(lease.env(), small, contract)
                    : ImageTensors.nchw(lease.env(), small, contract);
        }
    }

    private static float[] scores(Object output) {
        if (output instanceof float[][] batch) {
            return batch[0];
        }
        if (output instanceof float[] flat) {
            return flat;
        }
        throw new IllegalStateException("the emotion model's first output is not a float vector");
    }

    /** The length of the first output's last axis, or 0 when the graph leaves it open. */
    private static long outputClasses(ModelLease lease) {
        try {
            NodeInfo first = lease.outputs().values().iterator().next();
            if (first.getInfo() instanceof TensorInfo t && t.getShape().length > 0) {
                return Math.max(0, t.getShape()[t.getShape().length - 1]);
            }
            return 0;
        } catch (OrtException e) {
            throw ModelFailures.invalid(lease.model().ref(), "its outputs cannot be read: " + e.getMessage());
        }
    }

    /**
     * Softmax over logits; probabilities, and with no {@code kind} scores that already form a
     * distribution, are kept as they are.
     */
    static double[] probabilities(float[] scores, String kind) {
        double sum = 0;
        boolean distribution = true;
        for (float s : scores) {
            sum += s;
            distribution &= s >= 0 && s <= 1;
        }
        double[] p = new double[scores.length];
        if (kind.equals("probabilities") || !kind.equals("logits") && distribution && Math.abs(sum - 1) < 1e-3) {
            for (int i = 0; i < scores.length; i++) {
                p[i] = scores[i];
            }
            return p;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float s : scores) {
            max = Math.max(max, s);
        }
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] - max);
            total += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return p;
    }
}
