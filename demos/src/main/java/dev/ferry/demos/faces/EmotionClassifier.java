package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Says which emotions a face shows: crops the face, makes it the grayscale square the
 * contract asks for, runs the model and turns its scores into probabilities (softmax,
 * unless the model already outputs a distribution), sorted most likely first.
 */
public final class EmotionClassifier {
    private final String name;
    private final EmotionContract contract;
    private final EmotionModel model;

    public EmotionClassifier(String name, EmotionContract contract, EmotionModel model) {
        this.name = name;
        this.contract = contract;
        this.model = model;
    }

    public String name() {
        return name;
    }

    public List<Emotion> classify(Mat bgr, FaceBox box) {
        float[] scores = model.scores(input(bgr, box), new long[] {1, 1, contract.height(), contract.width()});
        if (scores.length != contract.labels().size()) {
            throw new IllegalStateException("emotion model " + name + " gives " + scores.length + " scores but its contract names "
                    + contract.labels().size() + " labels");
        }
        double[] probabilities = probabilities(scores);
        List<Emotion> emotions = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            emotions.add(new Emotion(contract.labels().get(i), probabilities[i]));
        }
        emotions.sort(Comparator.comparingDouble(Emotion::confidence).reversed());
        return emotions;
    }

    /** The face as the model's input tensor: gray, resized, normalised, NCHW. */
    float[] input(Mat bgr, FaceBox box) {
        int w = contract.width();
        int h = contract.height();
        float[] pixels = new float[w * h];
        try (Rect rect = new Rect(box.x(), box.y(), box.width(), box.height());
             Mat face = new Mat(bgr, rect); Mat gray = new Mat(); Mat small = new Mat(); Size size = new Size(w, h)) {
            cvtColor(face, gray, COLOR_BGR2GRAY);
            resize(gray, small, size, 0, 0, INTER_AREA);
            try (UByteIndexer index = small.createIndexer()) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        pixels[y * w + x] = (float) ((index.get(y, x) * contract.scale() - contract.mean()) / contract.std());
                    }
                }
            }
        }
        return pixels;
    }

    /** Softmax over logits; scores that already form a distribution are kept as they are. */
    static double[] probabilities(float[] scores) {
        double sum = 0;
        boolean distribution = true;
        for (float s : scores) {
            sum += s;
            distribution &= s >= 0 && s <= 1;
        }
        double[] p = new double[scores.length];
        if (distribution && Math.abs(sum - 1) < 1e-3) {
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
