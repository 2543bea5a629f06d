package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A group photo made by pasting labelled faces, each with a margin of its own photo around it,
 * at chosen sizes onto a real background. Where each face lands is known, so its truth box is
 * too: the source's box, scaled and moved.
 */
final class GroupPhoto {
    /** The share of a face box's size kept around it on every side when it is cut out. */
    static final double MARGIN = 0.25;

    record Layout(String name, String background, int width, int height, List<Paste> faces) {}

    /** Face {@code face} of photo {@code from}, scaled to {@code width} pixels wide, its box's corner at (x, y). */
    record Paste(String from, int face, int width, int x, int y) {}

    private GroupPhoto() {}

    static TruthPhoto compose(Layout layout, Mat background, Function<String, TruthPhoto> sources) {
        Mat canvas = scaled(background, layout.width(), layout.height());
        List<FaceBox> truth = new ArrayList<>();
        try {
            for (Paste paste : layout.faces()) {
                TruthPhoto source = sources.apply(paste.from());
                if (source == null || paste.face() >= source.faces().size()) {
                    throw new IllegalArgumentException(layout.name() + " pastes face " + paste.face() + " of '"
                            + paste.from() + "', which the set does not label");
                }
                truth.add(paste(canvas, source.image(), source.faces().get(paste.face()), paste));
            }
            return new TruthPhoto(layout.name(), canvas, truth);
        } catch (RuntimeException e) {
            canvas.close();
            throw e;
        }
    }

    /** Pastes the face and returns its box on the canvas. */
    private static FaceBox paste(Mat canvas, Mat photo, FaceBox face, Paste paste) {
        double scale = (double) paste.width() / face.width();
        int mx = (int) Math.round(face.width() * MARGIN);
        int my = (int) Math.round(face.height() * MARGIN);
        FaceBox cut = new FaceBox(face.x() - mx, face.y() - my, face.width() + 2 * mx, face.height() + 2 * my)
                .clampTo(photo.cols(), photo.rows());
        int left = paste.x() - (int) Math.round((face.x() - cut.x()) * scale);
        int top = paste.y() - (int) Math.round((face.y() - cut.y()) * scale);
        int width = (int) Math.round(cut.width() * scale);
        int height = (int) Math.round(cut.height() * scale);
        if (left < 0 || top < 0 || left + width > canvas.cols() || top + height > canvas.rows()) {
            throw new IllegalArgumentException("a pasted face of '" + paste.from() + "' at " + paste.x() + ","
                    + paste.y() + " falls off the canvas");
        }
        try (Rect cutRect = new Rect(cut.x(), cut.y(), cut.width(), cut.height());
             Mat cutView = new Mat(photo, cutRect);
             Mat patch = scaled(cutView, width, height);
             Rect at = new Rect(left, top, width, height);
             Mat target = new Mat(canvas, at)) {
            patch.copyTo(target);
        }
        return new FaceBox(paste.x(), paste.y(), paste.width(), (int) Math.round(face.height() * scale));
    }

    private static Mat scaled(Mat image, int width, int height) {
        Mat out = new Mat();
        boolean shrinking = width < image.cols();
        try (Size size = new Size(width, height)) {
            resize(image, out, size, 0, 0, shrinking ? INTER_AREA : INTER_LINEAR);
        }
        return out;
    }
}
