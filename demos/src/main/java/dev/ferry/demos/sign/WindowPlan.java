package dev.ferry.demos.sign;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a video into the stretches the model sees: the whole clip, or windows of a few seconds
 * every {@code stride} seconds for a long recording of several signs. The last window is moved
 * back to end with the video, so its tail is seen too; a video shorter than one window is one
 * window.
 */
final class WindowPlan {
    private WindowPlan() {
    }

    static List<ClipWindow> whole(VideoContract contract, int frameCount) {
        return List.of(new ClipWindow(0, 0, frameCount, FrameSampling.indices(contract, 0, frameCount)));
    }

    /** @param windowSeconds above 0; {@code strideSeconds} 0 means half a window */
    static List<ClipWindow> sliding(VideoContract contract, int frameCount, double frameRate, double windowSeconds,
                                    double strideSeconds) {
        int length = Math.max(1, (int) Math.round(windowSeconds * frameRate));
        double stride = strideSeconds > 0 ? strideSeconds : windowSeconds / 2;
        int step = Math.max(1, (int) Math.round(stride * frameRate));
        if (frameCount <= length) {
            return whole(contract, frameCount);
        }
        List<ClipWindow> windows = new ArrayList<>();
        int start = 0;
        for (; start + length <= frameCount; start += step) {
            windows.add(new ClipWindow(windows.size(), start, start + length,
                    FrameSampling.indices(contract, start, length)));
        }
        int lastEnd = windows.get(windows.size() - 1).end();
        if (lastEnd < frameCount) {
            int tail = frameCount - length;
            windows.add(new ClipWindow(windows.size(), tail, frameCount, FrameSampling.indices(contract, tail, length)));
        }
        return windows;
    }
}
