package dev.ferry.demos.av;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One decoded frame, upright (rotation applied), 8-bit BGR. {@code index} counts frames from
 * 0 in display order; {@code seconds} is its presentation time from the first frame. The
 * image is valid only during the callback that receives it: copy what must outlive it.
 */
public record VideoFrame(int index, double seconds, Mat image) {
}
