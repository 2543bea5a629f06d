package dev.ferry.demos.asr;

/**
 * A model input computed from a segment's samples.
 *
 * @param values the tensor's values, row-major
 * @param shape  its shape, batch first
 * @param length the length the model's optional length input takes: frames, or samples for a waveform
 */
record Features(float[] values, long[] shape, long length) {
}
