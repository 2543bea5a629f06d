package dev.ferry.core.queue;

import java.util.List;

/** How long something takes over recent jobs, in seconds: the median and the 90th percentile. */
public record Spread(double p50, double p90) {
    /** Nearest-rank percentiles of a non-empty list of milliseconds. */
    public static Spread ofMillis(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return new Spread(rank(sorted, 0.5), rank(sorted, 0.9));
    }

    private static double rank(List<Long> sorted, double fraction) {
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    Spread times(double factor) {
        return new Spread(p50 * factor, p90 * factor);
    }

    Spread plus(Spread other) {
        return new Spread(p50 + other.p50, p90 + other.p90);
    }

    /** What is left after {@code seconds} have passed; never below zero. */
    Spread minus(double seconds) {
        return new Spread(Math.max(0, p50 - seconds), Math.max(0, p90 - seconds));
    }
}
