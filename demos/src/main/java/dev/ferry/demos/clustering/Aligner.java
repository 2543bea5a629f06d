package dev.ferry.demos.clustering;

import dev.ferry.core.demo.JobCancelledException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Aligns items to prototypes within a {@link Transformation} family and measures what is left:
 * the mean squared difference per pixel between the prototype and the item resampled onto it.
 *
 * <p>How, for speed: the ink's moments put every item into a normalised frame once (centred;
 * for similarity also scaled to a common spread; for affine also evened out along its axes),
 * so shift, scale, stretch and shear start right. Rotation, which moments cannot fix
 * reliably, is searched: each prototype is rotated to {@value #ANGLES} angles once per
 * iteration and compared with every item at half resolution (a dot product each). The
 * {@value #CANDIDATES} closest prototypes are then refined at full resolution over all the
 * family's parameters ({@link LucasKanade}), and the item goes to the best.
 */
final class Aligner {
    static final int ANGLES = 36;
    static final int CANDIDATES = 2;

    private final Transformation family;
    private final int size;
    private final double radius;
    private final double centre;
    private final int angles;

    /** An item ready to align: its image, its normalising map and its normalised half-size image. */
    record Item(float[] image, Affine normaliser, float[] coarse, double coarseNorm) {}

    /** A prototype ready to compare: its image and, per searched angle, its rotated half-size image. */
    record Prototype(float[] image, float[][] rotated, double[] norms, LucasKanade refiner) {}

    /** Where an item fits best: the prototype, the map from its pixels into the item, the distance. */
    record Alignment(int prototype, Affine transform, double distance) {}

    /** The closest angle of one prototype and its half-resolution distance. */
    record Coarse(int angle, double distance) {}

    /**
     * @param radius the spread items are normalised to, in pixels (similarity and affine)
     */
    Aligner(Transformation family, int size, double radius) {
        this.family = family;
        this.size = size;
        this.radius = radius;
        this.centre = (size - 1) / 2.0;
        this.angles = family.rotates() ? ANGLES : 1;
    }

    Transformation family() {
        return family;
    }

    int size() {
        return size;
    }

    Item item(float[] image) {
        Affine normaliser = Moments.of(image, size).normaliser(family, radius, size);
        float[] coarse = Warp.half(Warp.warp(image, size, normaliser), size);
        return new Item(image, normaliser, coarse, Warp.dot(coarse, coarse));
    }

    /** The item in the normalised frame: what a prototype seeded from it starts as. */
    float[] normalised(Item item) {
        return Warp.warp(item.image(), size, item.normaliser());
    }

    Prototype prototype(float[] image) {
        float[][] rotated = new float[angles][];
        double[] norms = new double[angles];
        for (int i = 0; i < angles; i++) {
            // the prototype turned by +θ is read at −θ
            rotated[i] = Warp.half(Warp.warp(image, size, Affine.rotation(-angle(i), centre, centre)), size);
            norms[i] = Warp.dot(rotated[i], rotated[i]);
        }
        LucasKanade refiner = family == Transformation.IDENTITY ? null : LucasKanade.of(family, size, image);
        return new Prototype(image, rotated, norms, refiner);
    }

    /** The item resampled onto a prototype's pixels through {@code transform}. */
    float[] aligned(Item item, Affine transform) {
        return Warp.warp(item.image(), size, transform);
    }

    /** The best angle against one prototype, at half resolution. */
    Coarse coarse(Item item, Prototype prototype) {
        if (family == Transformation.IDENTITY) {
            return new Coarse(0, Warp.squaredDistance(item.image(), prototype.image()) / (size * size));
        }
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < angles; i++) {
            double d = item.coarseNorm() + prototype.norms()[i] - 2 * Warp.dot(item.coarse(), prototype.rotated()[i]);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        int half = size / 2;
        return new Coarse(best, Math.max(0, bestDistance) / (half * half));
    }

    /**
     * Aligns the item to each prototype and returns the best fit.
     *
     * @throws JobCancelledException when {@code cancelled} turns true between two prototypes
     */
    Alignment align(Item item, List<Prototype> prototypes, BooleanSupplier cancelled) {
        int k = prototypes.size();
        Coarse[] coarse = new Coarse[k];
        for (int j = 0; j < k; j++) {
            checkCancelled(cancelled);
            coarse[j] = coarse(item, prototypes.get(j));
        }
        if (family == Transformation.IDENTITY) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (coarse[j].distance() < coarse[best].distance()) {
                    best = j;
                }
            }
            return new Alignment(best, Affine.IDENTITY, coarse[best].distance());
        }
        Alignment best = null;
        for (int j : closest(coarse, Math.min(CANDIDATES, k))) {
            checkCancelled(cancelled);
            Alignment a = refine(item, j, prototypes.get(j), coarse[j].angle());
            if (best == null || a.distance() < best.distance()
                    || a.distance() == best.distance() && a.prototype() < best.prototype()) {
                best = a;
            }
        }
        return best;
    }

    /** Lucas–Kanade from the coarse angle over every parameter of the family, at full resolution. */
    Alignment refine(Item item, int index, Prototype prototype, int angle) {
        Affine start = item.normaliser().compose(Affine.rotation(angle(angle), centre, centre));
        return prototype.refiner().refine(index, item.image(), start);
    }

    private double angle(int i) {
        return 2 * Math.PI * i / angles;
    }

    private static int[] closest(Coarse[] coarse, int n) {
        int[] picked = new int[n];
        boolean[] used = new boolean[coarse.length];
        for (int p = 0; p < n; p++) {
            int best = -1;
            for (int j = 0; j < coarse.length; j++) {
                if (!used[j] && (best < 0 || coarse[j].distance() < coarse[best].distance())) {
                    best = j;
                }
            }
            used[best] = true;
            picked[p] = best;
        }
        return picked;
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new JobCancelledException("clustering cancelled");
        }
    }
}
