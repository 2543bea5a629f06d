package dev.ferry.demos.sign;

/** A frame the model saw: its index in the video and its presentation time. */
public record FrameUse(int index, double seconds) {
}
