package dev.ferry.demos.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class LetterboxTest {
    @Test
    void aWidePageIsPaddedAboveAndBelow() {
        Letterbox box = Letterbox.fit(1280, 640, 640, 640);
        assertEquals(new Letterbox(1280, 640, 640, 640, 640, 320, 0, 160), box);
        assertEquals(new Box(0, 0, 1280, 640), box.toSource(new Box(0, 160, 640, 480)));
    }

    @Test
    void aTallPageIsPaddedLeftAndRight() {
        Letterbox box = Letterbox.fit(750, 1000, 640, 640);
        assertEquals(new Letterbox(750, 1000, 640, 640, 480, 640, 80, 0), box);
        assertEquals(new Box(75, 100, 375, 500), box.toSource(new Box(80 + 48, 64, 80 + 240, 320)));
    }

    @Test
    void anOddLeftoverPixelGoesRightAndTheMappingUndoesTheScaleActuallyApplied() {
        Letterbox box = Letterbox.fit(999, 500, 640, 640);
        assertEquals(320, box.scaledHeight());
        assertEquals(160, box.padTop());
        Box page = new Box(0, 0, 999, 500);
        Box model = new Box(0, 160, 640, 480);
        Box back = box.toSource(model);
        assertEquals(page.x2(), back.x2(), 1e-9);
        assertEquals(page.y2(), back.y2(), 1e-9);
    }

    @Test
    void theImageLandsWhereTheMappingSaysAndThePaddingIsGrey() {
        try (Mat page = new Mat(640, 1280, opencv_core.CV_8UC3, Scalar.all(255))) {
            opencv_imgproc.rectangle(page, new Rect(200, 100, 400, 200), Scalar.all(0), -1, opencv_imgproc.LINE_8, 0);
            Letterbox box = Letterbox.fit(1280, 640, 640, 640);
            try (Mat input = box.apply(page); UByteIndexer px = input.createIndexer()) {
                assertEquals(640, input.cols());
                assertEquals(640, input.rows());
                assertEquals(114, px.get(10, 10, 0));
                assertEquals(114, px.get(630, 600, 2));
                // the dark rectangle (200..600, 100..300) on the page is (100..300, 210..310) in the input
                assertEquals(0, px.get(260, 200, 1));
                assertEquals(255, px.get(200, 200, 1));
                assertEquals(255, px.get(260, 320, 1));
            }
        }
    }
}
