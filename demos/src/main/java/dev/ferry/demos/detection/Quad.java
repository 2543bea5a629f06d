package dev.ferry.demos.detection;

/** A rotated rectangle's four corners, in the order OpenCV's RotatedRect.points gives them. */
public record Quad(double[] xs, double[] ys) {
    /** A box's corners: top-left, top-right, bottom-right, bottom-left. */
    public static Quad of(Box b) {
        return new Quad(new double[] {b.x1(), b.x2(), b.x2(), b.x1()}, new double[] {b.y1(), b.y1(), b.y2(), b.y2()});
    }

    /**
     * The corners as top-left, top-right, bottom-right, bottom-left, as PaddleOCR's
     * get_mini_boxes orders them: the two leftmost by height, then the two rightmost.
     */
    public Quad ordered() {
        Integer[] byX = {0, 1, 2, 3};
        java.util.Arrays.sort(byX, (a, b) -> Double.compare(xs[a], xs[b]));
        int tl = ys[byX[0]] <= ys[byX[1]] ? byX[0] : byX[1];
        int bl = tl == byX[0] ? byX[1] : byX[0];
        int tr = ys[byX[2]] <= ys[byX[3]] ? byX[2] : byX[3];
        int br = tr == byX[2] ? byX[3] : byX[2];
        return new Quad(new double[] {xs[tl], xs[tr], xs[br], xs[bl]}, new double[] {ys[tl], ys[tr], ys[br], ys[bl]});
    }

    public Quad scaled(double sx, double sy) {
        double[] x = new double[4];
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            x[i] = xs[i] * sx;
            y[i] = ys[i] * sy;
        }
        return new Quad(x, y);
    }

    /** As cv::RotatedRect::points computes them; {@code angle} in degrees. */
    public static Quad of(double cx, double cy, double width, double height, double angle) {
        double a = Math.sin(Math.toRadians(angle)) * 0.5;
        double b = Math.cos(Math.toRadians(angle)) * 0.5;
        double x0 = cx - a * height - b * width;
        double y0 = cy + b * height - a * width;
        double x1 = cx + a * height - b * width;
        double y1 = cy - b * height - a * width;
        return new Quad(new double[] {x0, x1, 2 * cx - x0, 2 * cx - x1},
                new double[] {y0, y1, 2 * cy - y0, 2 * cy - y1});
    }

    public double minX() {
        return Math.min(Math.min(xs[0], xs[1]), Math.min(xs[2], xs[3]));
    }

    public double maxX() {
        return Math.max(Math.max(xs[0], xs[1]), Math.max(xs[2], xs[3]));
    }

    public double minY() {
        return Math.min(Math.min(ys[0], ys[1]), Math.min(ys[2], ys[3]));
    }

    public double maxY() {
        return Math.max(Math.max(ys[0], ys[1]), Math.max(ys[2], ys[3]));
    }
}
