package dev.ferry.demos.sign;

import java.util.List;

/**
 * {@code predictions.json}. In {@code clip} mode the whole video is one window: {@code topK}
 * and the {@code frames} the model saw. In {@code windows} mode each window has its own frames
 * and top labels, {@code timeline} holds the words, and {@code topK} ranks labels by their
 * highest probability in any window.
 */
public record Predictions(String model, String source, String mode, double durationSeconds, int frameCount,
                          double frameRate, int width, int height, int rotation, String format,
                          List<Guess> topK, List<FrameUse> frames, List<WindowReport> windows, List<SignedWord> timeline) {
}
