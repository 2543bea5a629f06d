package dev.ferry.demos.vectorization;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.inference.StageClock;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.opencv.opencv_core.Mat;

/** Turns a drawing into primitives: the OpenCV engine ({@link StrokeVectorizer}) or a model ({@link OnnxVectorizer}). */
interface Vectorizer {
    /**
     * @param image 8-bit BGR: a page or a part of one
     * @return its primitives in the image's pixels, and the strokes' width when the engine measures it
     * @throws OrtException when a model fails on this image
     */
    Result vectorize(Mat image, StageClock clock, BooleanSupplier cancelled) throws OrtException;

    /** @param strokeWidth the strokes' typical width in pixels, or 0 when unknown */
    record Result(List<Primitive> primitives, double strokeWidth) {}
}
