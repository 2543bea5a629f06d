package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.detection.Detection;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.StageClock;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A whole page to its text as the demo reads it (lines found, in reading order, each read),
 * without writing anything: what the OCR fidelity tests and {@code ferry bench regions --ocr} measure.
 */
public final class PageOcr {
    private final RegionDetector detector;
    private final DetectOptions options;
    private final TextReader reader;

    public PageOcr(ModelLease lines, ModelLease direction, ModelLease recognition) {
        this.detector = RegionDetector.forModel(lines);
        this.options = DetectOptions.resolve(lines.contract(), 0, 0, 0);
        this.reader = RegionsDemo.reader(direction, recognition);
    }

    /** The page's text, a line of text per line read, and how many lines were read. */
    public record Read(String text, int lines) {}

    public Read read(Mat page, StageClock clock) throws OrtException {
        List<Detection> found = RegionsWriter.inReadingOrder(detector.detect(page, options, clock, () -> false));
        List<LineText> texts = reader.read(page, found, clock, () -> false);
        List<PageText.Line> lines = new ArrayList<>();
        for (LineText t : texts) {
            lines.add(new PageText.Line(null, t));
        }
        return new Read(new PageText(0, "", page.cols(), page.rows(), lines).plain(), texts.size());
    }
}
