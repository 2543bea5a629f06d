package dev.ferry.demos.vectorization;

import java.util.Arrays;

/** An ordered run of points (a traced stroke or a part of one), stored flat for speed. */
final class Points {
    private double[] xs;
    private double[] ys;
    private int size;

    Points(int capacity) {
        xs = new double[Math.max(4, capacity)];
        ys = new double[Math.max(4, capacity)];
    }

    void add(double x, double y) {
        if (size == xs.length) {
            xs = Arrays.copyOf(xs, size * 2);
            ys = Arrays.copyOf(ys, size * 2);
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    void addAll(Points other) {
        for (int i = 0; i < other.size; i++) {
            add(other.xs[i], other.ys[i]);
        }
    }

    /** Points {@code from} to {@code to}, both included. */
    Points slice(int from, int to) {
        Points p = new Points(to - from + 1);
        for (int i = from; i <= to; i++) {
            p.add(xs[i], ys[i]);
        }
        return p;
    }

    int size() {
        return size;
    }

    /** The mean of the x coordinates: the centroid's x. */
    double meanX() {
        return mean(xs);
    }

    /** The mean of the y coordinates: the centroid's y. */
    double meanY() {
        return mean(ys);
    }

    private double mean(double[] values) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    double x(int i) {
        return xs[i];
    }

    double y(int i) {
        return ys[i];
    }
}
