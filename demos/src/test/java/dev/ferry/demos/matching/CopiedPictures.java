package dev.ferry.demos.matching;

import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.ferry.testkit.TestPhotos;
import org.bytedeco.javacpp.BytePointer;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Pictures with known copies, for the similarity engines: engraving-like line drawings
 * (strokes, curves, hatched patches) and crops of real photos, and copies of them turned,
 * mirrored, scaled 0.5–1.5, cropped by up to 15 %, blurred and noised, as a reprint or a
 * re-scan would make them.
 */
public final class CopiedPictures {
    static final List<Path> PHOTOS = List.of(TestPhotos.darknet("dog.jpg"), TestPhotos.darknet("eagle.jpg"),
            TestPhotos.darknet("giraffe.jpg"), TestPhotos.darknet("horses.jpg"), TestPhotos.darknet("kite.jpg"),
            TestPhotos.darknet("person.jpg"), TestPhotos.darknet("scream.jpg"), TestPhotos.skimage("astronaut.png"),
            TestPhotos.skimage("chelsea.png"), TestPhotos.skimage("coffee.png"), TestPhotos.data("baboon.jpg"),
            TestPhotos.data("fruits.jpg"), TestPhotos.data("building.jpg"), TestPhotos.data("home.jpg"));

    private CopiedPictures() {}

    /** A line drawing of {@code side} pixels: long strokes, ellipses and hatched patches, black on paper. */
    public static Mat engraving(long seed, int side) {
        return LineDrawings.engraving(seed, side);
    }

    /** A {@code side}-pixel crop of photo {@code photo} of {@link #PHOTOS}, at a place {@code seed} chooses. */
    public static Mat photo(int photo, long seed, int side) {
        SplittableRandom random = new SplittableRandom(seed);
        try (Mat whole = opencv_imgcodecs.imread(PHOTOS.get(photo % PHOTOS.size()).toString())) {
            int shorter = Math.min(whole.cols(), whole.rows());
            int crop = Math.max(side, (int) (shorter * (0.5 + 0.3 * random.nextDouble())));
            crop = Math.min(crop, shorter);
            int x = random.nextInt(whole.cols() - crop + 1);
            int y = random.nextInt(whole.rows() - crop + 1);
            Mat out = new Mat();
            try (Mat region = new Mat(whole, new Rect(x, y, crop, crop)); Size to = new Size(side, side)) {
                resize(region, out, to, 0, 0, INTER_AREA);
            }
            return out;
        }
    }

    /** {@code original} transposed, scaled by 0.5–1.5, cropped by up to 15 %, blurred and noised. */
    public static Mat copy(Mat original, Transposition transposition, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        try (Mat turned = transposition.apply(original); Mat scaled = new Mat()) {
            double scale = 0.5 + random.nextDouble();
            try (Size to = new Size((int) Math.round(turned.cols() * scale), (int) Math.round(turned.rows() * scale))) {
                resize(turned, scaled, to);
            }
            int left = cut(random, scaled.cols());
            int top = cut(random, scaled.rows());
            int width = scaled.cols() - left - cut(random, scaled.cols());
            int height = scaled.rows() - top - cut(random, scaled.rows());
            Mat out = new Mat();
            try (Mat cropped = new Mat(scaled, new Rect(left, top, width, height)); Size kernel = new Size(3, 3);
                 Mat noise = new Mat(height, width, CV_16SC3); Mat wide = new Mat();
                 Mat mean = new Mat(1, 1, CV_64F, new Scalar(0)); Mat deviation = new Mat(1, 1, CV_64F, new Scalar(6))) {
                GaussianBlur(cropped, out, kernel, 0.8);
                opencv_core.randn(noise, mean, deviation);
                out.convertTo(wide, CV_16SC3);
                opencv_core.add(wide, noise, wide);
                wide.convertTo(out, CV_8UC3);
            }
            return out;
        }
    }

    /** {@code image} as PNG bytes, closing it. */
    public static byte[] png(Mat image) {
        try (image; BytePointer out = new BytePointer()) {
            opencv_imgcodecs.imencode(".png", image, out);
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /** Up to 7.5 % off one side, so both sides together lose at most 15 %. */
    private static int cut(SplittableRandom random, int length) {
        return (int) (length * 0.075 * random.nextDouble());
    }
}
