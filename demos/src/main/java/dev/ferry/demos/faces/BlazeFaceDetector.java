package dev.ferry.demos.faces;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelFailures;
import dev.ferry.demos.inference.ModelLease;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * MediaPipe's BlazeFace (a model of the store, task {@value #TASK}): each region of
 * {@link FaceTiles} letterboxed into the square input, decoded over the SSD anchors, mapped
 * back to the page, then merged by {@link WeightedNms}. Gives a score and six keypoints per face.
 */
public final class BlazeFaceDetector implements FaceDetector {
    /** The {@code task} of a BlazeFace model's {@code model.json}. */
    public static final String TASK = "blazeface";
    /** A face touching an inner tile edge by less than this share of the tile is whole; more, it is cut. */
    private static final double EDGE_MARGIN = 0.02;

    private final ModelLease lease;
    private final ModelContract contract;
    private final BlazeFaceSpec spec;
    private final BlazeFaceDecoder decoder;
    private final int finestTile;
    private final BooleanSupplier cancelled;

    /**
     * @param minFaceSize the smallest face side to look for, in page pixels: the finest tiles are four times it
     * @param cancelled   polled while the model runs; true stops the run
     */
    public BlazeFaceDetector(ModelLease lease, int minFaceSize, BooleanSupplier cancelled) {
        this.lease = lease;
        this.contract = lease.contract();
        if (!contract.task().equals(TASK) || !contract.input().layout().equals("NHWC")) {
            throw ModelFailures.invalid(lease.model().ref(), "a BlazeFace model's model.json says \"task\": \"" + TASK
                    + "\" and its input layout is NHWC");
        }
        try {
            this.spec = contract.section(BlazeFaceSpec.SECTION, BlazeFaceSpec.class);
        } catch (IllegalArgumentException e) {
            throw ModelFailures.invalid(lease.model().ref(), e.getMessage());
        }
        this.decoder = new BlazeFaceDecoder(SsdAnchors.centres(inputSize(), spec.strides(), spec.anchorsPerCell()),
                contract.threshold("confidence", 0.75));
        this.finestTile = Math.max(inputSize(), 4 * minFaceSize);
        this.cancelled = cancelled;
    }

    @Override
    public String name() {
        return lease.model().ref().model();
    }

    @Override
    public List<FaceDetection> detect(Mat bgr) {
        List<FaceCandidate> found = new ArrayList<>();
        for (FaceTiles.Tile tile : FaceTiles.of(bgr.cols(), bgr.rows(), finestTile)) {
            found.addAll(detect(bgr, tile));
        }
        List<FaceDetection> faces = new ArrayList<>();
        for (FaceCandidate c : WeightedNms.apply(found, contract.threshold("iou", 0.3))) {
            faces.add(detection(c, bgr.cols(), bgr.rows()));
        }
        faces.sort(Comparator.comparingInt((FaceDetection d) -> d.box().y()).thenComparingInt(d -> d.box().x()));
        return faces;
    }

    /** The whole faces the model sees in one tile, in page pixels. */
    private List<FaceCandidate> detect(Mat page, FaceTiles.Tile tile) {
        int size = inputSize();
        double scale = (double) size / Math.max(tile.width(), tile.height());
        int scaledWidth = Math.max(1, Math.min(size, (int) Math.round(tile.width() * scale)));
        int scaledHeight = Math.max(1, Math.min(size, (int) Math.round(tile.height() * scale)));
        int padX = (size - scaledWidth) / 2;
        int padY = (size - scaledHeight) / 2;
        List<FaceCandidate> out = new ArrayList<>();
        try (Mat input = letterbox(page, tile, scaledWidth, scaledHeight, padX, padY)) {
            for (FaceCandidate c : run(input)) {
                FaceCandidate onPage = c.mapped(scale, padX, padY, tile.x(), tile.y());
                if (tile.whole() || whollyInside(onPage, tile, page.cols(), page.rows())) {
                    out.add(onPage);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the face model failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** The tile scaled into the square input with its aspect kept, centred on black. */
    private Mat letterbox(Mat page, FaceTiles.Tile tile, int scaledWidth, int scaledHeight, int padX, int padY) {
        int size = inputSize();
        Mat out = new Mat();
        try (Rect rect = new Rect(tile.x(), tile.y(), tile.width(), tile.height()); Mat region = new Mat(page, rect);
             Mat scaled = new Mat(); Size to = new Size(scaledWidth, scaledHeight); Scalar black = Scalar.all(0)) {
            opencv_imgproc.resize(region, scaled, to, 0, 0, opencv_imgproc.INTER_AREA);
            opencv_core.copyMakeBorder(scaled, out, padY, size - scaledHeight - padY, padX, size - scaledWidth - padX,
                    opencv_core.BORDER_CONSTANT, black);
        }
        return out;
    }

    private List<FaceCandidate> run(Mat input) throws OrtException {
        try (OnnxTensor tensor = NhwcTensors.of(lease.env(), input, contract);
             OrtSession.Result result = lease.run(Map.of(contract.input().name(), tensor), cancelled)) {
            return decoder.decode(concat(result, spec.scores()), concat(result, spec.boxes()));
        }
    }

    /** The named outputs' values, one after another (one output per feature map). */
    private float[] concat(OrtSession.Result result, List<String> names) {
        List<float[]> parts = new ArrayList<>();
        for (String name : names) {
            OnnxTensor t = (OnnxTensor) result.get(name).orElseThrow(() -> ModelFailures.invalid(
                    lease.model().ref(), "it has no output " + name + ", which its model.json names"));
            FloatBuffer values = t.getFloatBuffer();
            float[] copy = new float[values.remaining()];
            values.get(copy);
            parts.add(copy);
        }
        float[] all = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    /**
     * Whether a face found in a tile is whole: not larger than half the tile (those are
     * found whole in the coarser level) and clear of the tile's edges inside the page (a face
     * cut by one is found whole in an overlapping tile).
     */
    private static boolean whollyInside(FaceCandidate c, FaceTiles.Tile t, int pageWidth, int pageHeight) {
        int side = Math.max(t.width(), t.height());
        double margin = EDGE_MARGIN * side;
        if (c.x2() - c.x1() > side / 2.0 || c.y2() - c.y1() > side / 2.0) {
            return false;
        }
        boolean left = t.x() == 0 || c.x1() > t.x() + margin;
        boolean top = t.y() == 0 || c.y1() > t.y() + margin;
        boolean right = t.x() + t.width() >= pageWidth || c.x2() < t.x() + t.width() - margin;
        boolean bottom = t.y() + t.height() >= pageHeight || c.y2() < t.y() + t.height() - margin;
        return left && top && right && bottom;
    }

    private static FaceDetection detection(FaceCandidate c, int pageWidth, int pageHeight) {
        int x = (int) Math.round(c.x1());
        int y = (int) Math.round(c.y1());
        FaceBox box = new FaceBox(x, y, (int) Math.round(c.x2()) - x, (int) Math.round(c.y2()) - y)
                .clampTo(pageWidth, pageHeight);
        List<FaceKeypoint> keypoints = new ArrayList<>();
        for (int k = 0; k < FaceKeypoint.BLAZEFACE_NAMES.size(); k++) {
            keypoints.add(new FaceKeypoint(FaceKeypoint.BLAZEFACE_NAMES.get(k),
                    clamp(c.keypoints()[2 * k], pageWidth), clamp(c.keypoints()[2 * k + 1], pageHeight)));
        }
        return new FaceDetection(box, Optional.of(c.score()), keypoints);
    }

    private static int clamp(double v, int length) {
        return (int) Math.max(0, Math.min(length - 1, Math.round(v)));
    }

    private int inputSize() {
        return contract.input().width();
    }

    /** The lease is the job's: the demo closes it. */
    @Override
    public void close() {}
}
