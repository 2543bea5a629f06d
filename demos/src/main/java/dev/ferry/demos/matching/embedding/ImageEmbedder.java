package dev.ferry.demos.matching.embedding;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.inference.EmbeddingModel;
import dev.ferry.demos.matching.Transposition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns images into unit vectors through a model of the {@code embedding} contract: corpus
 * images as they are, queries under each transposition asked, so that a rotated or mirrored
 * copy is found by the vector of the query turned back.
 */
public final class ImageEmbedder {
    private final EmbeddingModel model;
    private final BooleanSupplier cancelled;

    public ImageEmbedder(EmbeddingModel model, BooleanSupplier cancelled) {
        this.model = model;
        this.cancelled = cancelled;
    }

    /** {@code bgr}'s unit vector. */
    public float[] embed(Mat bgr) throws OrtException {
        return model.embed(bgr, cancelled);
    }

    /** {@code bgr}'s unit vector under each of {@code transpositions}, in their order. */
    public QueryVectors embedQuery(Mat bgr, List<Transposition> transpositions) throws OrtException {
        List<float[]> vectors = new ArrayList<>();
        for (Transposition t : transpositions) {
            try (Mat turned = t.apply(bgr)) {
                vectors.add(model.embed(turned, cancelled));
            }
        }
        return new QueryVectors(List.copyOf(transpositions), vectors);
    }
}
