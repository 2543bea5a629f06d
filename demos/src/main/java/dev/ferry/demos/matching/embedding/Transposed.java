package dev.ferry.demos.matching.embedding;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;

import java.util.List;
import java.util.function.UnaryOperator;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One of discover's six transpositions of a query image, by its wire name: {@code none},
 * {@code rot90}, {@code rot180}, {@code rot270} (counter-clockwise, as numpy's {@code rot90}),
 * {@code hflip} (left–right) and {@code vflip} (top–bottom). {@code apply} returns a new image
 * the caller closes.
 */
public record Transposed(String name, UnaryOperator<Mat> apply) {
    public static final List<String> NAMES = List.of("none", "rot90", "rot180", "rot270", "hflip", "vflip");

    public static Transposed named(String name) {
        return switch (name) {
            case "none" -> new Transposed(name, Mat::clone);
            case "rot90" -> new Transposed(name, m -> rotated(m, ROTATE_90_COUNTERCLOCKWISE));
            case "rot180" -> new Transposed(name, m -> rotated(m, ROTATE_180));
            case "rot270" -> new Transposed(name, m -> rotated(m, ROTATE_90_CLOCKWISE));
            case "hflip" -> new Transposed(name, m -> flipped(m, 1));
            case "vflip" -> new Transposed(name, m -> flipped(m, 0));
            default -> throw new IllegalArgumentException("unknown transposition '" + name + "': one of " + NAMES);
        };
    }

    public static List<Transposed> all() {
        return NAMES.stream().map(Transposed::named).toList();
    }

    private static Mat rotated(Mat m, int code) {
        Mat out = new Mat();
        opencv_core.rotate(m, out, code);
        return out;
    }

    private static Mat flipped(Mat m, int axis) {
        Mat out = new Mat();
        opencv_core.flip(m, out, axis);
        return out;
    }
}
