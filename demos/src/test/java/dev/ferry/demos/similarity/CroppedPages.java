package dev.ferry.demos.similarity;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.ferry.demos.matching.CopiedPictures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Two pages with the same drawing at known places among other pictures, for crops: page one a
 * PNG, page two the second entry ({@code scans/p2.png}) of a ZIP. Each picture is 200 pixels a side.
 */
public final class CroppedPages {
    /** Page one, 800 x 400: the drawing at (80, 100), a photo at (480, 100). */
    public static final List<Double> DRAWING_ON_ONE = List.of(0.1, 0.25, 0.35, 0.75);
    public static final List<Double> PHOTO_ON_ONE = List.of(0.6, 0.25, 0.85, 0.75);
    /** Page two, 400 x 800: another drawing at (100, 80), the drawing at (120, 480). */
    public static final List<Double> OTHER_ON_TWO = List.of(0.25, 0.1, 0.75, 0.35);
    public static final List<Double> DRAWING_ON_TWO = List.of(0.3, 0.6, 0.8, 0.85);
    public static final String PAGE_TWO_ENTRY = "scans/p2.png";

    private CroppedPages() {}

    public static byte[] pageOne() {
        Mat page = paper(800, 400);
        place(page, CopiedPictures.engraving(1, 200), 80, 100);
        place(page, CopiedPictures.photo(1, 2, 200), 480, 100);
        return CopiedPictures.png(page);
    }

    /** A ZIP whose first page is another drawing and whose second is page two. */
    public static byte[] pageTwoZip() {
        Mat page = paper(400, 800);
        place(page, CopiedPictures.engraving(7, 200), 100, 80);
        place(page, CopiedPictures.engraving(1, 200), 120, 480);
        return zip(Map.of("scans/p1.png", drawingAlone(300, 300, 9), PAGE_TWO_ENTRY, page));
    }

    /** A page of paper with one drawing at (50, 50). */
    static Mat drawingAlone(int width, int height, long drawing) {
        Mat page = paper(width, height);
        place(page, CopiedPictures.engraving(drawing, 200), 50, 50);
        return page;
    }

    /** The pages as PNG entries, in name order. */
    static byte[] zip(Map<String, Mat> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream files = new ZipOutputStream(bytes)) {
            for (String entry : entries.keySet().stream().sorted().toList()) {
                files.putNextEntry(new ZipEntry(entry));
                files.write(CopiedPictures.png(entries.get(entry)));
                files.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Mat paper(int width, int height) {
        return new Mat(height, width, CV_8UC3, new Scalar(235, 240, 245, 0));
    }

    private static void place(Mat page, Mat picture, int x, int y) {
        try (picture; Rect at = new Rect(x, y, picture.cols(), picture.rows()); Mat region = new Mat(page, at)) {
            picture.copyTo(region);
        }
    }
}
