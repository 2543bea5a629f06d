package dev.ferry.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real photographs for tests, from Debian packages that ship them, unpacked by
 * {@code scripts/fetch-test-media.sh} into {@code ~/.cache/ferry/test-media} (or
 * {@code $FERRY_TEST_MEDIA}): OpenCV's samples (opencv-doc), scikit-image's data images
 * (python3-skimage) and darknet's sample photos. A missing image fails the test with the
 * command to run.
 */
public final class TestPhotos {
    private static final String OPENCV_DOC = "usr/share/doc/opencv-doc";

    private TestPhotos() {}

    /** An image of OpenCV's {@code examples/data/}, e.g. {@code messi5.jpg}. */
    public static Path data(String name) {
        return find(OPENCV_DOC + "/examples/data/" + name);
    }

    /** An image of OpenCV's HTML documentation, e.g. {@code face_swapped.jpg} (one face) or {@code facereg.jpg} (four). */
    public static Path docs(String name) {
        return find(OPENCV_DOC + "/opencv4/html/" + name);
    }

    /** An image of scikit-image's {@code skimage/data/}, e.g. {@code astronaut.png} (one smiling face). */
    public static Path skimage(String name) {
        return find("usr/lib/python3/dist-packages/skimage/data/" + name);
    }

    /** One of darknet's sample photos, e.g. {@code dog.jpg} or {@code horses.jpg} (no person), {@code person.jpg}. */
    public static Path darknet(String name) {
        return find("usr/share/darknet/data/" + name);
    }

    /** The folder the packages are unpacked into: {@code $FERRY_TEST_MEDIA}, else {@code ~/.cache/ferry/test-media}. */
    public static Path folder() {
        String override = System.getenv("FERRY_TEST_MEDIA");
        return override != null && !override.isBlank()
                ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".cache", "ferry", "test-media");
    }

    private static Path find(String relative) {
        Path file = folder().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("test image " + file + " is missing: run scripts/fetch-test-media.sh first");
        }
        return file;
    }
}
