package dev.ferry.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real photographs for tests: OpenCV's sample images from Debian's opencv-doc package,
 * unpacked by {@code scripts/fetch-test-media.sh} into {@code ~/.cache/ferry/opencv-doc}
 * (or {@code $FERRY_TEST_MEDIA}). A missing image fails the test with the command to run.
 */
public final class OpenCvSamples {
    private static final String DOC = "usr/share/doc/opencv-doc";

    private OpenCvSamples() {}

    /** An image of {@code examples/data/}, e.g. {@code messi5.jpg}. */
    public static Path data(String name) {
        return find(DOC + "/examples/data/" + name);
    }

    /** An image of the HTML documentation, e.g. {@code face_swapped.jpg} (one face) or {@code facereg.jpg} (four). */
    public static Path docs(String name) {
        return find(DOC + "/opencv4/html/" + name);
    }

    private static Path find(String relative) {
        String override = System.getenv("FERRY_TEST_MEDIA");
        Path root = override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".cache", "ferry", "opencv-doc");
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("test image " + file + " is missing: run scripts/fetch-test-media.sh first");
        }
        return file;
    }
}
