package dev.ferry.demos.inference;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Time spent per pipeline stage, summed over a job's pages: cheap enough (two nanoTime
 * calls a stage) to stay on in production, and what {@code ferry bench} reports.
 * One clock per job, shared by the threads that work on its pages.
 */
public final class StageClock {
    public enum Stage { DECODE, PREPROCESS, INFERENCE, POSTPROCESS, OUTPUT }

    private final AtomicLongArray nanos = new AtomicLongArray(Stage.values().length);

    /** Adds the time since {@code since} (a {@link System#nanoTime()}) to {@code stage}; returns now. */
    public long lap(Stage stage, long since) {
        long now = System.nanoTime();
        nanos.addAndGet(stage.ordinal(), now - since);
        return now;
    }

    public long nanos(Stage stage) {
        return nanos.get(stage.ordinal());
    }

    public long totalNanos() {
        long sum = 0;
        for (int i = 0; i < nanos.length(); i++) {
            sum += nanos.get(i);
        }
        return sum;
    }

    /** Milliseconds per stage, keyed by lower-case stage name, for a job's result. */
    public Map<String, Double> millis() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            out.put(s.name().toLowerCase(Locale.ROOT), Math.round(nanos.get(s.ordinal()) / 1e4) / 100.0);
        }
        return out;
    }
}
