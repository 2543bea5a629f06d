package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.detection.Detection;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.inference.StageClock.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;

/** The text of a page's detected lines: each cut out, turned upright by the direction classifier, then read. */
final class TextReader {
    private final TextDirection direction;
    private final TextRecognizer recognizer;

    TextReader(TextDirection direction, TextRecognizer recognizer) {
        this.direction = direction;
        this.recognizer = recognizer;
    }

    /** The text of each line, in the order of {@code lines}. */
    List<LineText> read(Mat page, List<Detection> lines, StageClock clock, BooleanSupplier cancelled)
            throws OrtException {
        long t = System.nanoTime();
        List<Mat> crops = new ArrayList<>(lines.size());
        try {
            for (Detection d : lines) {
                crops.add(LineCrops.crop(page, d.quad()));
            }
            t = clock.lap(Stage.PREPROCESS, t);
            if (crops.isEmpty()) {
                return List.of();
            }
            boolean[] turned = direction.straighten(crops, cancelled);
            List<LineText> texts = recognizer.read(crops, cancelled);
            clock.lap(Stage.INFERENCE, t);
            List<LineText> out = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                out.add(turned[i] ? texts.get(i).reversedPlaces() : texts.get(i));
            }
            return out;
        } finally {
            crops.forEach(Mat::close);
        }
    }
}
