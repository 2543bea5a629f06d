package dev.ferry.demos.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy non-maximum suppression per class: a box is dropped only by a better box of its own class. */
final class Nms {
    private Nms() {}

    static List<Detection> classAware(List<Detection> candidates, double iouThreshold, int maxDetections) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.size() >= maxDetections) {
                break;
            }
            boolean suppressed = false;
            for (Detection k : kept) {
                if (k.classId() == d.classId() && k.box().iou(d.box()) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(d);
            }
        }
        return kept;
    }
}
