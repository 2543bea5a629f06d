package dev.ferry.demos.detection;

/**
 * The {@code square} post-processing, for watermarks: each box becomes a square around its
 * centre, its side the box's longer side plus {@code margin} of it on each edge, moved (and
 * if need be shrunk) to stay inside the page.
 */
public final class SquareBoxes {
    private SquareBoxes() {}

    public static Box square(Box b, double margin, int pageWidth, int pageHeight) {
        double side = Math.max(b.width(), b.height()) * (1 + 2 * margin);
        side = Math.min(side, Math.min(pageWidth, pageHeight));
        double cx = (b.x1() + b.x2()) / 2;
        double cy = (b.y1() + b.y2()) / 2;
        double x = Math.max(0, Math.min(pageWidth - side, cx - side / 2));
        double y = Math.max(0, Math.min(pageHeight - side, cy - side / 2));
        return new Box(x, y, x + side, y + side);
    }
}
