package dev.ferry.demos.faces;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a fixed-size face model looks on a page: the whole page first, then square tiles
 * half as large at each level, overlapping by half so every face smaller than half a tile
 * lies whole inside one, down to the finest side. A 128-pixel model sees a small face in a
 * large photo only through a tile its size is a good part of.
 */
final class FaceTiles {
    private FaceTiles() {}

    /** A region of the page; {@code whole} is the page itself. */
    record Tile(int x, int y, int width, int height, boolean whole) {}

    static List<Tile> of(int pageWidth, int pageHeight, int finestSide) {
        List<Tile> tiles = new ArrayList<>();
        tiles.add(new Tile(0, 0, pageWidth, pageHeight, true));
        for (int side = Math.max(pageWidth, pageHeight) / 2; side >= finestSide; side /= 2) {
            int w = Math.min(side, pageWidth);
            int h = Math.min(side, pageHeight);
            for (int y : starts(pageHeight, h, side / 2)) {
                for (int x : starts(pageWidth, w, side / 2)) {
                    tiles.add(new Tile(x, y, w, h, false));
                }
            }
        }
        return tiles;
    }

    /** Tile origins along one axis, every {@code step}, the last one flush with the page's edge. */
    private static List<Integer> starts(int length, int tile, int step) {
        List<Integer> out = new ArrayList<>();
        for (int at = 0; ; at += step) {
            if (at + tile >= length) {
                out.add(Math.max(0, length - tile));
                return out;
            }
            out.add(at);
        }
    }
}
