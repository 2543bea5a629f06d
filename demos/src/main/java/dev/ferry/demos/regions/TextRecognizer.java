package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.ctc.CtcAligner;
import dev.ferry.demos.ctc.CtcDecoder;
import dev.ferry.demos.ctc.CtcScores;
import dev.ferry.demos.ctc.GreedyDecoder;
import dev.ferry.demos.ctc.TokenSpan;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelLease;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A CTC text recogniser with PaddleOCR's recognition contract (task {@code ctc_text},
 * PP-OCRv4 rec): lines sorted by aspect ratio so that each batch pads little, one model run
 * per batch, each line's scores decoded greedily (as PaddleOCR does) and aligned to give
 * every character its confidence and place.
 */
final class TextRecognizer {
    static final String TASK = "ctc_text";

    private final ModelLease lease;
    private final List<String> labels;
    private final int blank;
    private final int batch;
    private final CtcDecoder decoder = new GreedyDecoder();
    private final int space;
    private final double spaceHint;

    TextRecognizer(ModelLease lease) {
        ModelContract contract = lease.contract();
        if (contract.labels().isEmpty()) {
            throw new IllegalArgumentException("model.json of the text recogniser lists no labels (its characters);"
                    + " pull it with ferry models pull regions");
        }
        this.lease = lease;
        this.labels = contract.labels();
        this.blank = contract.section("ctc").map(n -> n.path("blank_id").asInt(0)).orElse(0);
        this.batch = (int) contract.threshold("batch", 6);
        this.space = labels.lastIndexOf(" ");
        this.spaceHint = contract.threshold("space", 0.02);
    }

    /** The text of each crop (upright BGR lines), in the crops' order. */
    List<LineText> read(List<Mat> crops, BooleanSupplier cancelled) throws OrtException {
        Integer[] order = new Integer[crops.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> LineBatch.ratio(crops.get(i))));
        LineText[] out = new LineText[crops.size()];
        int height = lease.contract().input().height();
        int minWidth = lease.contract().input().width();
        for (int from = 0; from < order.length; from += batch) {
            List<Integer> part = Arrays.asList(order).subList(from, Math.min(order.length, from + batch));
            List<Mat> lines = part.stream().map(crops::get).toList();
            int width = Math.max(minWidth, LineBatch.scaledWidth(LineBatch.ratio(lines.get(lines.size() - 1)), height));
            ModelLease.FloatOutput scores;
            int[] widths;
            try (LineBatch input = LineBatch.of(lease.env(), lines, lease.contract(), width)) {
                scores = lease.runOnImage(input.tensor(), cancelled);
                widths = input.widths();
            }
            for (int i = 0; i < part.size(); i++) {
                out[part.get(i)] = decode(scores, i, width, widths[i]);
            }
        }
        return List.of(out);
    }

    private LineText decode(ModelLease.FloatOutput output, int item, int inputWidth, int lineWidth) {
        long[] shape = output.shape();
        if (shape.length != 3 || shape[2] != labels.size()) {
            throw new IllegalArgumentException("a CTC text recogniser outputs [N, T, " + labels.size()
                    + "] (one score per label), this one " + Arrays.toString(shape));
        }
        int frames = (int) shape[1];
        int vocabulary = (int) shape[2];
        float[] probs = Arrays.copyOfRange(output.values(), item * frames * vocabulary, (item + 1) * frames * vocabulary);
        CtcScores scores = CtcScores.of(probs, frames, vocabulary, "probs", 0);
        List<TokenSpan> spans = CtcAligner.align(scores, decoder.decode(scores, blank), blank);
        double pixelsPerFrame = (double) inputWidth / frames;
        List<LineText.Glyph> glyphs = new ArrayList<>(spans.size());
        TokenSpan previous = null;
        for (TokenSpan s : spans) {
            double space = previous == null ? 0 : spaceBetween(scores, previous, s);
            if (space >= spaceHint) {
                glyphs.add(new LineText.Glyph(" ", space, along((previous.last() + 1) * pixelsPerFrame, lineWidth),
                        along(s.first() * pixelsPerFrame, lineWidth)));
            }
            previous = s;
            glyphs.add(new LineText.Glyph(labels.get(s.token()), s.probability() / s.frames(),
                    along(s.first() * pixelsPerFrame, lineWidth), along((s.last() + 1) * pixelsPerFrame, lineWidth)));
        }
        return LineText.of(glyphs);
    }

    /**
     * The space's best probability between two characters. The PP-OCRv4 recogniser was
     * trained mostly on Chinese and seldom lets its space win a frame between Latin words,
     * but it still gives the space some probability there and almost none inside a word.
     */
    private double spaceBetween(CtcScores scores, TokenSpan before, TokenSpan after) {
        if (space < 0 || before.token() == space || after.token() == space) {
            return 0;
        }
        double best = 0;
        for (int t = before.last() + 1; t < after.first(); t++) {
            best = Math.max(best, scores.probability(t, space));
        }
        return best;
    }

    private static double along(double x, int lineWidth) {
        return Math.max(0, Math.min(1, x / lineWidth));
    }
}
