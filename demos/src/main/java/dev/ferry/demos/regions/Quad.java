package dev.ferry.demos.regions;

/** A rotated rectangle's four corners, in the order OpenCV's RotatedRect.points gives them. */
record Quad(double[] xs, double[] ys) {
    /** As cv::RotatedRect::points computes them; {@code angle} in degrees. */
    static Quad of(double cx, double cy, double width, double height, double angle) {
        double a = Math.sin(Math.toRadians(angle)) * 0.5;
        double b = Math.cos(Math.toRadians(angle)) * 0.5;
        double x0 = cx - a * height - b * width;
        double y0 = cy + b * height - a * width;
        double x1 = cx + a * height - b * width;
        double y1 = cy - b * height - a * width;
        return new Quad(new double[] {x0, x1, 2 * cx - x0, 2 * cx - x1},
                new double[] {y0, y1, 2 * cy - y0, 2 * cy - y1});
    }

    double minX() {
        return Math.min(Math.min(xs[0], xs[1]), Math.min(xs[2], xs[3]));
    }

    double maxX() {
        return Math.max(Math.max(xs[0], xs[1]), Math.max(xs[2], xs[3]));
    }

    double minY() {
        return Math.min(Math.min(ys[0], ys[1]), Math.min(ys[2], ys[3]));
    }

    double maxY() {
        return Math.max(Math.max(ys[0], ys[1]), Math.max(ys[2], ys[3]));
    }
}
