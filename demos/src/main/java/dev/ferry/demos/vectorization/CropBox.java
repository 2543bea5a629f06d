package dev.ferry.demos.vectorization;

/** A part of a page to vectorize, in whole pixels of the page. */
public record CropBox(int x, int y, int width, int height) {

    /** This box cut to a page of the given size; empty (zero width or height) when it lies outside. */
    public CropBox clip(int pageWidth, int pageHeight) {
        int x1 = Math.max(0, x);
        int y1 = Math.max(0, y);
        int x2 = (int) Math.min(pageWidth, (long) x + width);
        int y2 = (int) Math.min(pageHeight, (long) y + height);
        return new CropBox(x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1));
    }

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }
}
