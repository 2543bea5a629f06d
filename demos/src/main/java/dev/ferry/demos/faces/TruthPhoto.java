package dev.ferry.demos.faces;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A photo of the fidelity set with the faces it really shows.
 *
 * @param image BGR, owned by this record: close it
 * @param faces empty for a photo without people (or without a visible face)
 */
public record TruthPhoto(String name, Mat image, List<FaceBox> faces) implements AutoCloseable {
    public TruthPhoto {
        faces = List.copyOf(faces);
    }

    @Override
    public void close() {
        image.close();
    }
}
