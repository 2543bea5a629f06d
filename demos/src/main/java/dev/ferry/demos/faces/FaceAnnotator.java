package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Draws each face's box, and its dominant emotion when known, onto a copy of the page. */
final class FaceAnnotator {
    private FaceAnnotator() {}

    static Mat annotate(Mat page, List<FacesReport.Face> faces) {
        Mat copy = page.clone();
        int side = Math.max(page.cols(), page.rows());
        int thickness = Math.max(2, side / 400);
        double fontScale = Math.max(0.5, side / 1200.0);
        try (Scalar green = new Scalar(0, 200, 0, 0)) {
            for (FacesReport.Face face : faces) {
                FaceBox b = face.box();
                try (Rect rect = new Rect(b.x(), b.y(), b.width(), b.height())) {
                    rectangle(copy, rect, green, thickness, LINE_AA, 0);
                }
                face.dominantEmotion().ifPresent(e -> {
                    String text = String.format(Locale.ROOT, "%s %.0f%%", e.label(), e.confidence() * 100);
                    int baseline = Math.max(b.y() - thickness * 2, (int) (fontScale * 20));
                    try (Point at = new Point(b.x(), baseline)) {
                        putText(copy, text, at, FONT_HERSHEY_SIMPLEX, fontScale, green, Math.max(1, thickness - 1), LINE_AA, false);
                    }
                });
            }
        }
        return copy;
    }
}
