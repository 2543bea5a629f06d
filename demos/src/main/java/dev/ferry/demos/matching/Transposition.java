package dev.ferry.demos.matching;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * What a copy of a picture may have undergone, with discover-api's wire names: the quarter
 * turns (counter-clockwise, as PIL's {@code ROTATE_90}) and the two mirrors. Applied to an
 * image and to points of it, so matched points can be told in either frame.
 */
public enum Transposition {
    NONE, ROT90, ROT180, ROT270, HFLIP, VFLIP;

    /** Every transposition, in the order of the tables that index them (pairs.json's {@code tr_i}). */
    public static final List<Transposition> ALL = List.of(values());

    /** The name clients send and read: {@code none}, {@code rot90}, ..., {@code vflip}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the six when {@code name} is none of them */
    public static Transposition of(String name) {
        for (Transposition t : values()) {
            if (t.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transposition '" + name + "': use "
                + String.join(", ", Arrays.stream(values()).map(Transposition::wireName).toList()));
    }

    /**
     * The transpositions a comma-separated list names, in table order; {@code all} for the six.
     *
     * @throws IllegalArgumentException saying what to write when a name is unknown or none is given
     */
    public static List<Transposition> listOf(String text) {
        if (text.strip().equalsIgnoreCase("all")) {
            return ALL;
        }
        EnumSet<Transposition> chosen = EnumSet.noneOf(Transposition.class);
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                chosen.add(of(name));
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("name at least one transposition, or all");
        }
        return List.copyOf(chosen);
    }

    /** True for the mirrors, which no rotation can undo. */
    public boolean mirrors() {
        return this == HFLIP || this == VFLIP;
    }

    /** The transposition that takes the transposed picture back. */
    public Transposition inverse() {
        return switch (this) {
            case ROT90 -> ROT270;
            case ROT270 -> ROT90;
            default -> this;
        };
    }

    /** A new image: {@code image} transposed. */
    public Mat apply(Mat image) {
        Mat out = new Mat();
        switch (this) {
            case NONE -> image.copyTo(out);
            case ROT90 -> opencv_core.rotate(image, out, ROTATE_90_COUNTERCLOCKWISE);
            case ROT180 -> opencv_core.rotate(image, out, ROTATE_180);
            case ROT270 -> opencv_core.rotate(image, out, ROTATE_90_CLOCKWISE);
            case HFLIP -> opencv_core.flip(image, out, 1);
            case VFLIP -> opencv_core.flip(image, out, 0);
        }
        return out;
    }

    /** Where pixel ({@code x}, {@code y}) of a {@code width}×{@code height} image lands in the transposed image. */
    public double[] apply(double x, double y, int width, int height) {
        double right = width - 1 - x;
        double bottom = height - 1 - y;
        return switch (this) {
            case NONE -> new double[] {x, y};
            case ROT90 -> new double[] {y, right};
            case ROT180 -> new double[] {right, bottom};
            case ROT270 -> new double[] {bottom, x};
            case HFLIP -> new double[] {right, y};
            case VFLIP -> new double[] {x, bottom};
        };
    }

    /**
     * The 2×2 linear part of {@link #apply(double, double, int, int)}, row-major: the turn or
     * mirror without the shift that keeps the picture in place.
     */
    double[] linear() {
        double[] origin = apply(0, 0, 2, 2);
        double[] x = apply(1, 0, 2, 2);
        double[] y = apply(0, 1, 2, 2);
        return new double[] {x[0] - origin[0], y[0] - origin[0], x[1] - origin[1], y[1] - origin[1]};
    }
}
