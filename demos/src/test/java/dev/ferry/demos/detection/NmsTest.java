package dev.ferry.demos.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NmsTest {
    static Detection d(int cls, double score, double x1, double y1, double x2, double y2) {
        return new Detection(cls, "c" + cls, score, new Box(x1, y1, x2, y2));
    }

    @Test
    void keepsTheBestOfOverlappingBoxesOfOneClass() {
        Detection best = d(0, 0.9, 0, 0, 100, 100);
        Detection overlapping = d(0, 0.8, 10, 0, 110, 100);   // IoU 0.82
        Detection apart = d(0, 0.7, 200, 200, 300, 300);
        assertEquals(List.of(best, apart), Nms.classAware(List.of(overlapping, apart, best), 0.5, 100));
    }

    @Test
    void neverSuppressesAcrossClasses() {
        Detection a = d(0, 0.9, 0, 0, 100, 100);
        Detection b = d(1, 0.8, 0, 0, 100, 100);
        assertEquals(List.of(a, b), Nms.classAware(List.of(b, a), 0.5, 100));
    }

    @Test
    void anOverlapAtTheThresholdIsKept() {
        Detection a = d(0, 0.9, 0, 0, 100, 100);
        Detection b = d(0, 0.8, 0, 0, 100, 50);               // IoU exactly 0.5
        assertEquals(List.of(a, b), Nms.classAware(List.of(a, b), 0.5, 100));
        assertEquals(List.of(a), Nms.classAware(List.of(a, b), 0.49, 100));
    }

    @Test
    void stopsAtTheMaximumCount() {
        List<Detection> many = List.of(d(0, 0.5, 0, 0, 1, 1), d(0, 0.9, 10, 10, 11, 11), d(0, 0.7, 20, 20, 21, 21));
        assertEquals(List.of(0.9, 0.7), Nms.classAware(many, 0.5, 2).stream().map(Detection::score).toList());
    }
}
