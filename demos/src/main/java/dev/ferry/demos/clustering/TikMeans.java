package dev.ferry.demos.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * Transformation-invariant k-means: prototypes seeded by greedy k-means++, then rounds of
 * "align every item to every prototype and assign it to the closest" and "each prototype
 * becomes the mean of its members, aligned onto it". A cluster left empty is re-seeded with
 * the item that fits its own prototype worst. Stops when no item changes cluster and the
 * loss no longer falls, or after the given number of iterations.
 *
 * <p>Deterministic: one seeded generator on the caller's thread makes every random choice,
 * per-item work writes only its own slot, and sums run in item order.
 */
final class TikMeans {
    /** A round that lowers the loss by less than this share counts as no change. */
    static final double CONVERGED = 1e-3;

    /**
     * @param stopWhenConverged false runs every iteration (for benchmarks)
     */
    record Options(int clusters, int iterations, long seed, boolean stopWhenConverged) {}

    /**
     * @param prototypes the prototype images the final assignment was made against
     * @param alignments per item, its cluster, transform and distance
     * @param aligned    per item, its image resampled onto its prototype
     * @param loss       mean distance after seeding and after each iteration
     * @param iterations iterations run
     */
    record Result(List<float[]> prototypes, List<Aligner.Alignment> alignments, List<float[]> aligned, List<Double> loss,
                  boolean converged, int iterations) {}

    /** Called on the caller's thread after seeding (iteration 0) and after every iteration. */
    @FunctionalInterface
    interface Listener {
        void iteration(int done, int total, double loss, int moved);
    }

    private final Aligner aligner;
    private final List<Aligner.Item> items;
    private final Parallel parallel;
    private final BooleanSupplier cancelled;

    TikMeans(Aligner aligner, List<Aligner.Item> items, Parallel parallel, BooleanSupplier cancelled) {
        this.aligner = aligner;
        this.items = items;
        this.parallel = parallel;
        this.cancelled = cancelled;
    }

    Result run(Options options, Listener listener) {
        int n = items.size();
        int k = Math.min(options.clusters(), n);
        SplittableRandom random = new SplittableRandom(options.seed());
        List<Aligner.Prototype> prototypes = seed(k, random);
        Aligner.Alignment[] fits = new Aligner.Alignment[n];
        float[][] aligned = new float[n][];
        List<Double> loss = new ArrayList<>();
        loss.add(assign(prototypes, fits, aligned));
        listener.iteration(0, options.iterations(), loss.get(0), n);
        boolean converged = false;
        int done = 0;
        while (done < options.iterations() && !converged) {
            int[] before = clusters(fits);
            prototypes = update(k, fits, aligned);
            double now = assign(prototypes, fits, aligned);
            int moved = moved(before, clusters(fits));
            double previous = loss.get(loss.size() - 1);
            loss.add(now);
            done++;
            listener.iteration(done, options.iterations(), now, moved);
            converged = options.stopWhenConverged() && moved == 0 && previous - now <= CONVERGED * previous;
        }
        return new Result(prototypes.stream().map(Aligner.Prototype::image).toList(), List.of(fits),
                Arrays.asList(aligned), loss, converged, done);
    }

    /** Aligns every item to every prototype; returns the mean distance. */
    private double assign(List<Aligner.Prototype> prototypes, Aligner.Alignment[] fits, float[][] aligned) {
        parallel.forEach(items.size(), i -> {
            Aligner.Item item = items.get(i);
            fits[i] = aligner.align(item, prototypes, cancelled);
            aligned[i] = aligner.aligned(item, fits[i].transform());
        });
        double sum = 0;
        for (Aligner.Alignment fit : fits) {
            sum += fit.distance();
        }
        return sum / fits.length;
    }

    /** Each prototype the mean of its aligned members; empty ones re-seeded with the worst-fitting items. */
    private List<Aligner.Prototype> update(int k, Aligner.Alignment[] fits, float[][] aligned) {
        int pixels = aligner.size() * aligner.size();
        float[][] sums = new float[k][pixels];
        int[] counts = new int[k];
        for (int i = 0; i < fits.length; i++) {
            int c = fits[i].prototype();
            counts[c]++;
            float[] sum = sums[c];
            float[] a = aligned[i];
            for (int p = 0; p < pixels; p++) {
                sum[p] += a[p];
            }
        }
        boolean[] reseeded = new boolean[fits.length];
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                int worst = worstFit(fits, counts, reseeded);
                reseeded[worst] = true;
                counts[fits[worst].prototype()]--;
                sums[c] = aligner.normalised(items.get(worst));
                counts[c] = 1;
            } else {
                float scale = 1f / counts[c];
                for (int p = 0; p < pixels; p++) {
                    sums[c][p] *= scale;
                }
            }
        }
        // a cluster that gave its worst member away keeps its old mean: the next round settles it
        Aligner.Prototype[] next = new Aligner.Prototype[k];
        parallel.forEach(k, c -> next[c] = aligner.prototype(sums[c]));
        return List.of(next);
    }

    /** The item farthest from its prototype among clusters that can spare one; ties go to the first. */
    private static int worstFit(Aligner.Alignment[] fits, int[] counts, boolean[] taken) {
        int worst = -1;
        for (int i = 0; i < fits.length; i++) {
            if (!taken[i] && counts[fits[i].prototype()] > 1
                    && (worst < 0 || fits[i].distance() > fits[worst].distance())) {
                worst = i;
            }
        }
        if (worst < 0) {
            throw new IllegalStateException("no item left to re-seed an empty cluster");
        }
        return worst;
    }

    /**
     * Greedy k-means++: each new prototype is the best of a few items drawn with probability
     * proportional to their distance from the prototypes so far (2 + ln k draws, as scikit-learn does).
     */
    private List<Aligner.Prototype> seed(int k, SplittableRandom random) {
        int n = items.size();
        List<Aligner.Prototype> chosen = new ArrayList<>();
        chosen.add(aligner.prototype(aligner.normalised(items.get(random.nextInt(n)))));
        double[] nearest = distances(chosen.get(0));
        int draws = 2 + (int) Math.log(k);
        while (chosen.size() < k) {
            double total = sum(nearest);
            Aligner.Prototype bestCandidate = null;
            double[] bestDistances = null;
            double bestPotential = Double.POSITIVE_INFINITY;
            for (int d = 0; d < draws; d++) {
                int pick = total > 0 ? WeightedDraw.index(nearest, total * random.nextDouble()) : random.nextInt(n);
                Aligner.Prototype candidate = aligner.prototype(aligner.normalised(items.get(pick)));
                double[] to = distances(candidate);
                double potential = 0;
                for (int i = 0; i < n; i++) {
                    potential += Math.min(nearest[i], to[i]);
                }
                if (potential < bestPotential) {
                    bestPotential = potential;
                    bestCandidate = candidate;
                    bestDistances = to;
                }
            }
            chosen.add(bestCandidate);
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], bestDistances[i]);
            }
        }
        return chosen;
    }

    private double[] distances(Aligner.Prototype prototype) {
        double[] d = new double[items.size()];
        parallel.forEach(items.size(), i -> {
            if (cancelled.getAsBoolean()) {
                throw new dev.ferry.core.demo.JobCancelledException("clustering cancelled");
            }
            d[i] = aligner.coarse(items.get(i), prototype).distance();
        });
        return d;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static int[] clusters(Aligner.Alignment[] fits) {
        int[] c = new int[fits.length];
        for (int i = 0; i < fits.length; i++) {
            c[i] = fits[i].prototype();
        }
        return c;
    }

    private static int moved(int[] before, int[] after) {
        int moved = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                moved++;
            }
        }
        return moved;
    }
}
