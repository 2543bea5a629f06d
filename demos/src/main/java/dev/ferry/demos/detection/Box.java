package dev.ferry.demos.detection;

/** An axis-aligned box in pixels, corners (x1, y1) top-left and (x2, y2) bottom-right. */
public record Box(double x1, double y1, double x2, double y2) {
    public static Box ofCenter(double cx, double cy, double w, double h) {
        return new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return Math.max(0, width()) * Math.max(0, height());
    }

    public double iou(Box o) {
        double iw = Math.min(x2, o.x2) - Math.max(x1, o.x1);
        double ih = Math.min(y2, o.y2) - Math.max(y1, o.y1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        return inter / (area() + o.area() - inter);
    }

    /** The part inside a {@code width} × {@code height} image. */
    public Box clip(double width, double height) {
        return new Box(clamp(x1, width), clamp(y1, height), clamp(x2, width), clamp(y2, height));
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
