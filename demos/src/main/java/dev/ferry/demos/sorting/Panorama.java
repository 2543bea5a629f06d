package dev.ferry.demos.sorting;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.demos.media.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_stitching.Stitcher;

/**
 * The photos of a session joined into one picture by OpenCV's stitcher, in its {@code SCANS}
 * mode (an affine model: the camera turns with the arm above a flat table), as SorterBot did.
 */
final class Panorama {
    /** The panorama's size, in pixels. */
    record Size(int width, int height) {}

    private Panorama() {}

    /**
     * @throws DemoFailure bad_input when there are fewer than two photos or the stitcher cannot join them
     */
    static Size stitch(List<SessionPhoto> photos, ImageDecoder decoder, Path out) throws IOException {
        if (photos.size() < 2) {
            throw DemoFailure.badInput("stitching needs at least two overlapping photos, got " + photos.size());
        }
        List<Mat> images = new ArrayList<>();
        try (MatVector all = new MatVector(); Mat panorama = new Mat(); Stitcher stitcher = Stitcher.create(Stitcher.SCANS)) {
            for (SessionPhoto photo : photos) {
                Mat image = decoder.decode(Files.readAllBytes(photo.file()));
                images.add(image);
                all.push_back(image);
            }
            int status = stitcher.stitch(all, panorama);
            if (status != Stitcher.OK) {
                throw DemoFailure.badInput("OpenCV's stitcher could not join the " + photos.size() + " photos: "
                        + reason(status));
            }
            if (!imwrite(out.toString(), panorama)) {
                throw new IOException("cannot write " + out);
            }
            return new Size(panorama.cols(), panorama.rows());
        } finally {
            images.forEach(Mat::close);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case Stitcher.ERR_NEED_MORE_IMGS -> "too few features match between them (do neighbouring photos overlap?)";
            case Stitcher.ERR_HOMOGRAPHY_EST_FAIL -> "their matching features do not agree on how the photos lie";
            case Stitcher.ERR_CAMERA_PARAMS_ADJUST_FAIL -> "the photos' positions could not be refined";
            default -> "status " + status;
        };
    }
}
