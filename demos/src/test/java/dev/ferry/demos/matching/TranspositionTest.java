package dev.ferry.demos.matching;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** A transposition moves a point of an image where it moves the pixel there, and its inverse brings it back. */
class TranspositionTest {
    @Test
    void pointsMoveWithTheirPixels() {
        for (Transposition t : Transposition.ALL) {
            try (Mat image = new Mat(3, 5, CV_8UC1, new Scalar(0))) {
                try (UByteIndexer at = image.createIndexer()) {
                    at.put(1, 4, 255);
                }
                try (Mat moved = t.apply(image)) {
                    assertArrayEquals(brightest(moved), t.apply(4, 1, 5, 3), 1e-9, t.wireName());
                    double[] p = t.apply(4, 1, 5, 3);
                    assertArrayEquals(new double[] {4, 1}, t.inverse().apply(p[0], p[1], moved.cols(), moved.rows()), 1e-9,
                            t.wireName() + " undone by " + t.inverse().wireName());
                }
            }
        }
    }

    @Test
    void rot90TurnsCounterClockwiseAsDiscoverDoes() {
        assertArrayEquals(new double[] {0, 0}, Transposition.ROT90.apply(4, 0, 5, 3), 1e-9,
                "the top right corner goes to the top left");
    }

    @Test
    void wireNamesAreDiscoversAndUnknownOnesAreNamed() {
        assertEquals("rot270", Transposition.ROT270.wireName());
        assertEquals(Transposition.HFLIP, Transposition.of(" HFlip "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transposition.of("transpose"));
        assertTrue(e.getMessage().contains("unknown transposition 'transpose'"), e.getMessage());
    }

    private static double[] brightest(Mat image) {
        try (UByteIndexer at = image.createIndexer()) {
            for (int y = 0; y < image.rows(); y++) {
                for (int x = 0; x < image.cols(); x++) {
                    if (at.get(y, x) == 255) {
                        return new double[] {x, y};
                    }
                }
            }
        }
        throw new AssertionError("the marked pixel is gone");
    }
}
