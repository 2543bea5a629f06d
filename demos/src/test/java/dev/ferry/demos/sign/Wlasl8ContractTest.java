package dev.ferry.demos.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.demos.inference.CatalogEntry;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelRef;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * The manifest's contract for Sign2Text's WLASL-8 classifier gives the frames the model was
 * trained on: 50 at {@code round(linspace(0, T − 1, 50))}, short side 224 then the centre
 * 224 × 224, RGB 0–1 then ImageNet mean and std.
 */
class Wlasl8ContractTest {
    static final ModelRef WLASL8 = new ModelRef(SignDemo.NAME, "wlasl8");
    static final CatalogEntry ENTRY = ModelCatalog.builtIn().find(WLASL8).orElseThrow();
    static final VideoContract VIDEO = VideoContract.of(WLASL8, ENTRY.contract());

    @Test
    void theEntryIsInstallOnlyWithTheModelsSignatureAndLabels() {
        assertFalse(ENTRY.source().downloadable());
        assertEquals("", ENTRY.sha256(), "pinned on the first install");
        ModelContract c = ENTRY.contract();
        assertEquals("input", c.input().name());
        assertEquals(List.of("all", "before", "book", "drink", "help", "no", "walk", "yes"), c.labels());
        assertEquals("NTCHW", VIDEO.layout());
        assertEquals(50, VIDEO.frames());
        assertEquals(224, c.input().width());
        assertEquals(224, c.input().height());
        assertEquals(224, VIDEO.resize());
        assertEquals(true, VIDEO.outputProbabilities());
    }

    @Test
    void fiftyFramesOfA120FrameClipAreNumPysLinspaceRounded() {
        // numpy.round(numpy.linspace(0, 119, 50)).astype(int)
        int[] numpy = {0, 2, 5, 7, 10, 12, 15, 17, 19, 22, 24, 27, 29, 32, 34, 36, 39, 41, 44, 46, 49, 51, 53, 56, 58,
            61, 63, 66, 68, 70, 73, 75, 78, 80, 83, 85, 87, 90, 92, 95, 97, 100, 102, 104, 107, 109, 112, 114, 117, 119};
        assertArrayEquals(numpy, FrameSampling.indices(VIDEO, 0, 120));
        assertArrayEquals(numpy, WindowPlan.whole(VIDEO, 120).get(0).frames(), "the whole clip is one window");
    }

    @Test
    void eachFrameIsItsCentreSquareInRgbWithImageNetMeanAndStd() {
        // 448 × 672 portrait: the short side 448 → 224 halves it, 672 → 336; the crop keeps rows 56..280 of
        // the half-size frame, rows 112..560 of the original. Blue above row 112, green below row 560, red
        // between: the crop is all red, unless the bands reach into it.
        float[] inside = preprocess(frame(112, 560));
        assertPlane(inside, 0, (250 / 255.0 - 0.485) / 0.229);
        assertPlane(inside, 1, (0 - 0.456) / 0.224);
        assertPlane(inside, 2, (0 - 0.406) / 0.225);

        float[] reaching = preprocess(frame(120, 560));
        double blue = (250 / 255.0 - 0.406) / 0.225;
        assertEquals(blue, reaching[2 * 224 * 224], 1e-4, "original row 112 is crop row 0: blue");
        assertEquals(blue, reaching[2 * 224 * 224 + 3 * 224], 1e-4, "original row 118 is crop row 3: blue");
        assertEquals((0 - 0.406) / 0.225, reaching[2 * 224 * 224 + 4 * 224], 1e-4, "crop row 4 is red");
    }

    private static float[] preprocess(Mat bgr) {
        try (bgr) {
            FramePreprocessor preprocessor = new FramePreprocessor(ENTRY.contract(), VIDEO);
            return preprocessor.chw(bgr, new float[preprocessor.valuesPerFrame()]);
        }
    }

    /** 448 × 672 BGR: blue rows [0, redFrom), red rows [redFrom, greenFrom), green below. */
    private static Mat frame(int redFrom, int greenFrom) {
        Mat bgr = new Mat(672, 448, opencv_core.CV_8UC3, new Scalar(0, 0, 250, 0));
        paint(bgr, 0, redFrom, new Scalar(250, 0, 0, 0));
        paint(bgr, greenFrom, 672, new Scalar(0, 250, 0, 0));
        return bgr;
    }

    private static void paint(Mat bgr, int fromRow, int toRow, Scalar colour) {
        try (Rect rows = new Rect(0, fromRow, bgr.cols(), toRow - fromRow); Mat band = new Mat(bgr, rows)) {
            band.put(colour);
        }
    }

    private static void assertPlane(float[] chw, int channel, double expected) {
        for (int i = channel * 224 * 224; i < (channel + 1) * 224 * 224; i++) {
            assertEquals(expected, chw[i], 1e-4, "channel " + channel + " at " + (i % (224 * 224)));
        }
    }
}
