package dev.ferry.demos.inference.tfjs;

/**
 * A constant of a TF.js graph, read from its weight files; int32 constants (axes, shapes) are
 * held as floats too, which is exact for the small integers they hold.
 *
 * @param shape as TensorFlow lays it out (a convolution's kernel is {@code [H, W, in, out]})
 */
public record TfWeight(String name, long[] shape, float[] values) {
    public long dim(int axis) {
        return shape[axis];
    }
}
