package dev.ferry.demos.faces;

/** A rectangle in a page's own pixels. */
public record FaceBox(int x, int y, int width, int height) {

    /** This box cut to a page of the given size. */
    public FaceBox clampTo(int pageWidth, int pageHeight) {
        int x0 = Math.max(0, Math.min(x, pageWidth - 1));
        int y0 = Math.max(0, Math.min(y, pageHeight - 1));
        int x1 = Math.max(x0 + 1, Math.min(x + width, pageWidth));
        int y1 = Math.max(y0 + 1, Math.min(y + height, pageHeight));
        return new FaceBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** Intersection over union with another box, 0 when they do not touch. */
    public double iou(FaceBox other) {
        int ix = Math.max(0, Math.min(x + width, other.x + other.width) - Math.max(x, other.x));
        int iy = Math.max(0, Math.min(y + height, other.y + other.height) - Math.max(y, other.y));
        double inter = (double) ix * iy;
        double union = (double) width * height + (double) other.width * other.height - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
