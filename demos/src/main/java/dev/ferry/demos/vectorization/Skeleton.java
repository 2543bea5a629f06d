package dev.ferry.demos.vectorization;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_ximgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The centre lines of the strokes, one pixel wide: OpenCV's Zhang–Suen thinning, then every
 * pixel whose removal keeps its neighbours connected (the staircase corners thinning leaves on
 * slanted strokes) is removed, so that along a stroke each pixel has exactly two neighbours,
 * one at a free end and three or more at a junction.
 */
final class Skeleton {
    /** Neighbours in ring order: N, NE, E, SE, S, SW, W, NW. */
    static final int[] DX = {0, 1, 1, 1, 0, -1, -1, -1};
    static final int[] DY = {-1, -1, 0, 1, 1, 1, 0, -1};

    final byte[] bits;
    final int width;
    final int height;

    private Skeleton(byte[] bits, int width, int height) {
        this.bits = bits;
        this.width = width;
        this.height = height;
    }

    /** @param ink 1 for ink, 0 for paper, row by row */
    static Skeleton of(byte[] ink, int width, int height) {
        byte[] bits = new byte[ink.length];
        try (PointerScope scope = new PointerScope()) {
            Mat ones = new Mat(height, width, opencv_core.CV_8UC1);
            ones.data().put(ink);
            // thinning reads ink as 255 (it divides by 255 first)
            Mat binary = new Mat();
            ones.convertTo(binary, opencv_core.CV_8U, 255, 0);
            Mat thin = new Mat();
            opencv_ximgproc.thinning(binary, thin, opencv_ximgproc.THINNING_ZHANGSUEN);
            thin.data().get(bits);
        }
        for (int x = 0; x < width; x++) {
            bits[x] = 0;
            bits[(height - 1) * width + x] = 0;
        }
        for (int y = 0; y < height; y++) {
            bits[y * width] = 0;
            bits[y * width + width - 1] = 0;
        }
        for (int i = 0; i < bits.length; i++) {
            bits[i] = bits[i] != 0 ? (byte) 1 : 0;
        }
        Skeleton s = new Skeleton(bits, width, height);
        s.removeRedundant();
        return s;
    }

    boolean on(int i) {
        return bits[i] != 0;
    }

    /** Index of the {@code k}-th neighbour of pixel {@code i}. */
    int neighbour(int i, int k) {
        return i + DY[k] * width + DX[k];
    }

    int neighbours(int i) {
        int n = 0;
        for (int k = 0; k < 8; k++) {
            n += bits[neighbour(i, k)];
        }
        return n;
    }

    void clear(int i) {
        bits[i] = 0;
    }

    /** Removes pixels that are neither ends nor needed to keep their neighbours connected. */
    void removeRedundant() {
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                if (bits[i] != 0 && neighbours(i) >= 2 && neighboursConnected(i)) {
                    bits[i] = 0;
                }
            }
        }
    }

    /** Whether the set neighbours of {@code i} form a single 8-connected group without it. */
    private boolean neighboursConnected(int i) {
        int mask = 0;
        for (int k = 0; k < 8; k++) {
            if (bits[neighbour(i, k)] != 0) {
                mask |= 1 << k;
            }
        }
        int first = Integer.numberOfTrailingZeros(mask);
        int reached = 1 << first;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int k = 0; k < 8; k++) {
                if ((mask & (1 << k)) == 0 || (reached & (1 << k)) != 0) {
                    continue;
                }
                for (int j = 0; j < 8; j++) {
                    if ((reached & (1 << j)) != 0 && touching(j, k)) {
                        reached |= 1 << k;
                        grew = true;
                        break;
                    }
                }
            }
        }
        return reached == mask;
    }

    /** Whether ring positions {@code a} and {@code b} are 8-neighbours of each other. */
    private static boolean touching(int a, int b) {
        return Math.abs(DX[a] - DX[b]) <= 1 && Math.abs(DY[a] - DY[b]) <= 1;
    }
}
