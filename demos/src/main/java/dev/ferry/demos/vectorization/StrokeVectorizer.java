package dev.ferry.demos.vectorization;

import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.inference.StageClock.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The default engine, with no model: ink from paper ({@link Binarizer}), the strokes' centre
 * lines ({@link Skeleton}, {@link StrokeTracer}), each stroke cut into straight and curved
 * pieces ({@link StrokeSplitter}), then the pieces gathered into circles and arcs
 * ({@link CurveAssembler}) and straight lines ({@link LineAssembler}) across the junctions
 * that cut them. Working on centre lines rather than edges gives one primitive per stroke
 * (an edge detector sees both sides of every stroke) and tells curves from lines with one
 * tolerance.
 */
final class StrokeVectorizer implements Vectorizer {
    private final TraceOptions options;

    StrokeVectorizer(TraceOptions options) {
        this.options = options;
    }

    @Override
    public Result vectorize(Mat image, StageClock clock, BooleanSupplier cancelled) {
        long t = System.nanoTime();
        int w = image.cols();
        int h = image.rows();
        byte[] ink = Binarizer.ink(image, options.thresholdBlock(), options.minContrast(), options.minBlob());
        Skeleton skeleton = Skeleton.of(ink, w, h);
        double strokeWidth = strokeWidth(ink, skeleton.bits);
        t = clock.lap(Stage.PREPROCESS, t);
        stopIfCancelled(cancelled);
        // a thick stroke's centre line wanders more: the tolerances grow with the stroke
        double tolerance = Math.max(options.fitTolerance(), strokeWidth / 2);
        int spur = (int) Math.max(2, Math.round(strokeWidth));
        int extension = (int) Math.ceil(3 * strokeWidth) + 2;
        List<StrokeTracer.Stroke> strokes = StrokeTracer.trace(skeleton, spur, 3);
        StrokeSplitter splitter = new StrokeSplitter(tolerance, options.circleMinRadius(), options.maxRadius());
        List<Piece> pieces = new ArrayList<>();
        for (StrokeTracer.Stroke s : strokes) {
            pieces.addAll(splitter.split(s.points()));
        }
        t = clock.lap(Stage.INFERENCE, t);
        stopIfCancelled(cancelled);
        Ink page = new Ink(ink, w, h);
        List<Primitive> curves = new CurveAssembler(page, tolerance * 1.5, options.circleMinRadius(),
                options.maxRadius(), Math.toRadians(options.arcMinAngle()), strokeWidth, extension).assemble(pieces);
        double mergeDistance = Math.max(options.lineMergeDistance(), strokeWidth / 2);
        List<Line> lines = new LineAssembler(page, mergeDistance, strokeWidth, extension).assemble(pieces);
        lines.removeIf(l -> l.length() < options.minLineLength());
        List<Primitive> found = new ArrayList<>();
        // curves, then lines, longest first: what lies along longer strokes is a scrap of a junction
        for (List<? extends Primitive> kind : List.of(curves, lines)) {
            List<Primitive> sorted = new ArrayList<>(kind);
            sorted.sort(Comparator.comparingDouble(Primitive::length).reversed());
            for (Primitive p : sorted) {
                if (p.confidence() >= options.minConfidence() && !alongOthers(p, found, strokeWidth + tolerance)) {
                    found.add(p);
                }
            }
        }
        clock.lap(Stage.POSTPROCESS, t);
        return new Result(found, strokeWidth);
    }

    /** A large page takes seconds: a cancelled job stops between the stages. */
    private static void stopIfCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new JobCancelledException("cancelled while vectorizing a page");
        }
    }

    /** Whether nine in ten points along {@code p} lie within {@code distance} of one of {@code others}. */
    private static boolean alongOthers(Primitive p, List<Primitive> others, double distance) {
        int samples = (int) Math.ceil(p.length());
        if (samples < 1 || others.isEmpty()) {
            return false;
        }
        int near = 0;
        for (int s = 0; s <= samples; s++) {
            double[] at = p.pointAt((double) s / samples);
            for (Primitive o : others) {
                if (o.distanceTo(at[0], at[1]) <= distance) {
                    near++;
                    break;
                }
            }
        }
        return near >= 0.9 * (samples + 1);
    }

    /** Ink pixels per centre-line pixel: the mean width of the strokes. */
    private static double strokeWidth(byte[] ink, byte[] centre) {
        long inked = 0;
        long centred = 0;
        for (int i = 0; i < ink.length; i++) {
            inked += ink[i];
            centred += centre[i];
        }
        return centred == 0 ? 0 : (double) inked / centred;
    }
}
