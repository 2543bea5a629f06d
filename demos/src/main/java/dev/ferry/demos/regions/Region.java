package dev.ferry.demos.regions;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.demos.detection.Box;
import dev.ferry.demos.detection.Detection;

/**
 * One region in {@code annotations.json}: whole pixels of the page (x, y from its top-left
 * corner) and the same box relative to the page's size.
 *
 * @param crop           the crop's path in the job's outputs
 * @param text           with {@code ocr}: the text read in the line; absent without
 * @param textConfidence with {@code ocr}: the mean confidence of its characters, 0 to 1
 */
public record Region(int id, String label, double confidence, int x, int y, int width, int height,
                     Relative relative, String crop, @JsonInclude(JsonInclude.Include.NON_NULL) String text,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Double textConfidence) {

    /** The box as fractions of the page's width and height. */
    public record Relative(double x, double y, double width, double height) {}

    /** Rounds a detection's box to whole pixels inside the page; empty boxes give null. */
    static Region of(int id, Detection d, int pageWidth, int pageHeight, String crop) {
        Box b = d.box().clip(pageWidth, pageHeight);
        int x1 = (int) Math.round(b.x1());
        int y1 = (int) Math.round(b.y1());
        int w = (int) Math.round(b.x2()) - x1;
        int h = (int) Math.round(b.y2()) - y1;
        if (w < 1 || h < 1) {
            return null;
        }
        return new Region(id, d.label(), round(d.score(), 4), x1, y1, w, h,
                new Relative(round((double) x1 / pageWidth, 6), round((double) y1 / pageHeight, 6),
                        round((double) w / pageWidth, 6), round((double) h / pageHeight, 6)),
                crop, null, null);
    }

    Region withText(LineText t) {
        return new Region(id, label, confidence, x, y, width, height, relative, crop, t.text(), round(t.confidence(), 4));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
