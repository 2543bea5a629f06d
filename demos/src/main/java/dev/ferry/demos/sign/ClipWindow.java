package dev.ferry.demos.sign;

/**
 * A stretch of the video the model classifies on its own: frames {@code [first, end)} and the
 * T frame indices sampled from them ({@code frames}, ascending, possibly repeated).
 */
record ClipWindow(int number, int first, int end, int[] frames) {
    int lastFrame() {
        return frames[frames.length - 1];
    }
}
