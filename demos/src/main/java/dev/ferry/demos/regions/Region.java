package dev.ferry.demos.regions;

/**
 * One region in {@code annotations.json}: whole pixels of the page (x, y from its top-left
 * corner) and the same box relative to the page's size.
 *
 * @param crop the crop's path in the job's outputs
 */
public record Region(int id, String label, double confidence, int x, int y, int width, int height,
                     Relative relative, String crop) {

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
                crop);
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
