package dev.ferry.demos.vectorization;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows a {@link Skeleton} into strokes: runs of pixels from a free end or a junction to the
 * next one, and closed loops with no junction on them (a circle standing alone). Short spurs —
 * branches from a junction to a free end no longer than {@code spurLength}, which noise on a
 * stroke's edge leaves on its skeleton — are removed first, so they neither split strokes nor
 * become strokes themselves. Points are pixel centres: pixel {@code (i, j)} is {@code (i + ½, j + ½)}.
 */
final class StrokeTracer {
    private StrokeTracer() {}

    /** A traced stroke; {@code closed} when it is a loop. */
    record Stroke(Points points, boolean closed) {}

    static List<Stroke> trace(Skeleton s, int spurLength, int minPoints) {
        if (spurLength > 0 && pruneSpurs(s, spurLength)) {
            s.removeRedundant();
        }
        List<Stroke> strokes = new ArrayList<>();
        byte[] visited = new byte[s.bits.length];
        int w = s.width;
        for (int i = w; i < s.bits.length - w; i++) {
            if (!s.on(i) || s.neighbours(i) == 2) {
                continue;
            }
            for (int k = 0; k < 8; k++) {
                int next = s.neighbour(i, k);
                if (!s.on(next) || visited[next] != 0 || s.neighbours(next) != 2) {
                    continue;
                }
                Points p = follow(s, i, next, visited);
                if (p.size() >= minPoints) {
                    strokes.add(new Stroke(p, false));
                }
            }
        }
        for (int i = w; i < s.bits.length - w; i++) {
            if (s.on(i) && visited[i] == 0 && s.neighbours(i) == 2) {
                Points p = loop(s, i, visited);
                if (p.size() >= minPoints) {
                    strokes.add(new Stroke(p, true));
                }
            }
        }
        return strokes;
    }

    /** From node {@code from} through {@code first} to the next node (a junction or an end). */
    private static Points follow(Skeleton s, int from, int first, byte[] visited) {
        Points p = new Points(64);
        add(p, s, from);
        int previous = from;
        int current = first;
        while (true) {
            add(p, s, current);
            if (s.neighbours(current) != 2) {
                return p;
            }
            visited[current] = 1;
            int next = other(s, current, previous);
            if (next < 0 || visited[next] != 0) {
                return p;
            }
            previous = current;
            current = next;
        }
    }

    private static Points loop(Skeleton s, int start, byte[] visited) {
        Points p = new Points(128);
        int previous = -1;
        int current = start;
        while (current >= 0 && visited[current] == 0) {
            visited[current] = 1;
            add(p, s, current);
            int next = other(s, current, previous);
            previous = current;
            current = next;
        }
        if (current == start) {
            add(p, s, start);
        }
        return p;
    }

    /** The neighbour of {@code i} that is not {@code previous}; the first one when there is no previous. */
    private static int other(Skeleton s, int i, int previous) {
        for (int k = 0; k < 8; k++) {
            int n = s.neighbour(i, k);
            if (s.on(n) && n != previous) {
                return n;
            }
        }
        return -1;
    }

    private static void add(Points p, Skeleton s, int i) {
        p.add(i % s.width + 0.5, i / s.width + 0.5);
    }

    /** Removes branches from a junction to a free end of at most {@code maxLength} pixels; true if any. */
    private static boolean pruneSpurs(Skeleton s, int maxLength) {
        List<int[]> spurs = new ArrayList<>();
        int w = s.width;
        int[] path = new int[maxLength + 1];
        for (int i = w; i < s.bits.length - w; i++) {
            if (!s.on(i) || s.neighbours(i) != 1) {
                continue;
            }
            int length = 0;
            int previous = -1;
            int current = i;
            while (length <= maxLength && s.neighbours(current) <= 2) {
                path[length++] = current;
                int next = other(s, current, previous);
                if (next < 0) {
                    length = maxLength + 1;
                    break;
                }
                previous = current;
                current = next;
            }
            if (length <= maxLength && s.neighbours(current) >= 3) {
                spurs.add(java.util.Arrays.copyOf(path, length));
            }
        }
        for (int[] spur : spurs) {
            for (int i : spur) {
                s.clear(i);
            }
        }
        return !spurs.isEmpty();
    }
}
