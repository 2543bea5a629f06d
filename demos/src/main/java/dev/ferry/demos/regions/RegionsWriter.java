package dev.ferry.demos.regions;

import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.media.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Writes a page's outputs: one JPEG crop per region and an overlay with the boxes drawn. */
final class RegionsWriter {
    private static final int JPEG_QUALITY = 90;
    /** BGR colours per class, cycled. */
    private static final double[][] PALETTE = {
            {56, 56, 255}, {151, 157, 255}, {31, 112, 255}, {29, 178, 255}, {49, 210, 207},
            {10, 249, 72}, {23, 204, 146}, {134, 219, 61}, {187, 212, 0}, {168, 153, 44}};

    private final Path outputs;

    RegionsWriter(Path outputs) {
        this.outputs = outputs;
    }

    PageAnnotations write(Page page, List<Detection> detections) {
        List<Region> regions = new ArrayList<>();
        for (Detection d : detections) {
            int id = regions.size() + 1;
            String crop = "crops/" + page.name() + "_" + id + ".jpg";
            Region r = Region.of(id, d, page.width(), page.height(), crop);
            if (r != null) {
                try (Mat view = new Mat(page.image(), new Rect(r.x(), r.y(), r.width(), r.height()))) {
                    writeJpeg(view, crop);
                }
                regions.add(r);
            }
        }
        String overlay = "overlays/" + page.name() + ".jpg";
        try (Mat drawn = page.image().clone()) {
            draw(drawn, regions, detections);
            writeJpeg(drawn, overlay);
        }
        return new PageAnnotations(page.name(), page.source(), page.width(), page.height(), overlay, regions);
    }

    private static void draw(Mat image, List<Region> regions, List<Detection> detections) {
        int thickness = Math.max(2, Math.max(image.cols(), image.rows()) / 500);
        double fontScale = Math.max(0.5, Math.max(image.cols(), image.rows()) / 1500.0);
        for (Region r : regions) {
            double[] c = PALETTE[detections.get(r.id() - 1).classId() % PALETTE.length];
            Scalar colour = new Scalar(c[0], c[1], c[2], 0);
            opencv_imgproc.rectangle(image, new Rect(r.x(), r.y(), r.width(), r.height()), colour, thickness,
                    opencv_imgproc.LINE_8, 0);
            String text = r.id() + " " + r.label() + " " + String.format(java.util.Locale.ROOT, "%.2f", r.confidence());
            opencv_imgproc.putText(image, text, new Point(r.x(), Math.max(12, r.y() - thickness - 2)),
                    opencv_imgproc.FONT_HERSHEY_SIMPLEX, fontScale, colour, Math.max(1, thickness / 2),
                    opencv_imgproc.LINE_AA, false);
        }
    }

    private void writeJpeg(Mat image, String relative) {
        try (BytePointer jpeg = new BytePointer();
             IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
            if (!opencv_imgcodecs.imencode(".jpg", image, jpeg, params)) {
                throw new IllegalStateException("OpenCV could not encode " + relative);
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            AtomicFiles.write(outputs.resolve(relative), bytes);
        }
    }
}
