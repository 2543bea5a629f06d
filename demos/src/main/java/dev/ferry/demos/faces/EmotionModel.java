package dev.ferry.demos.faces;

/**
 * The raw run of an emotion model: a batch of one preprocessed face in, one score per
 * class out. The seam where a shared, cached inference session plugs in.
 */
public interface EmotionModel extends AutoCloseable {
    /**
     * @param input  pixels in NCHW order, {@code shape} = [1, 1, height, width]
     * @return the model's scores for each class, logits or probabilities
     */
    float[] scores(float[] input, long[] shape);

    @Override
    void close();
}
