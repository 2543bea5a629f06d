package dev.ferry.demos.vectorization;

import java.util.List;

/**
 * One vectorized page, as listed in {@code vectorization.json}; its file {@code <stem>.json}
 * holds the same and every primitive.
 *
 * @param page        the page's number in the job, from 1, counting every page of every input in order
 * @param source      where it came from: the upload's name, {@code scans.zip!/p1.png}, {@code report.pdf#page=3}, a URL
 * @param regions     the parts of the page that were vectorized; empty when the whole page was
 * @param strokeWidth the strokes' typical width in pixels as measured (OpenCV engine), or 0
 * @param svg         the drawing, in the job's outputs
 * @param json        the primitives with their parameters and confidences
 * @param overlay     the page with the primitives drawn over it, as PNG
 */
public record PageVectors(int page, String source, int width, int height, List<CropBox> regions, double strokeWidth,
                          int lines, int circles, int arcs, String svg, String json, String overlay) {

    public int primitives() {
        return lines + circles + arcs;
    }
}
